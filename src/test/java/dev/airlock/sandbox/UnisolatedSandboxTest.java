package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explicit no-isolation mode keeps limits, a clean environment, the timeout and caps. */
class UnisolatedSandboxTest {
  @TempDir Path workspace;
  private UnisolatedSandbox sandbox;

  @BeforeEach
  void open() throws Exception {
    sandbox = new UnisolatedSandbox(LocalSandboxConfig.defaults(), workspace, null);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void saysLoudlyThatItIsNotIsolated() {
    assertThat(sandbox.isolated()).isFalse();
    assertThat(sandbox.describe()).startsWith("NO ISOLATION");
  }

  @Test
  void runsInTheWorkspaceWithOnlyTheWhitelistedEnvironment() throws Exception {
    ExecutionResult result =
        sandbox.execute(
            new ExecutionRequest(
                py(
                    "import os, sys",
                    "open('kept.txt', 'w').write('x')",
                    "print(os.getcwd() == os.environ['HOME'], sorted(os.environ))"),
                List.of(),
                Duration.ofSeconds(60),
                Map.of("CHOSEN", "1")),
            OutputListener.NONE,
            new ExecutionControl());

    assertThat(result.status()).isEqualTo(Status.OK);
    assertThat(result.stdout())
        .isEqualTo(
            "True ['CHOSEN', 'HOME', 'LANG', 'MPLCONFIGDIR', 'PATH',"
                + " 'PYTHONUNBUFFERED', 'TMPDIR']\n");
    assertThat(workspace.resolve("kept.txt")).exists();
  }

  @Test
  void bindTargetsInTheEnvironmentPointAtTheHostFolders(@TempDir Path library) throws Exception {
    TestSandboxes.openToOthers(library);
    Files.writeString(library.resolve("airlock_client.py"), "NAME = 'client'\n");
    sandbox.close();
    sandbox =
        new UnisolatedSandbox(
            LocalSandboxConfig.builder()
                .readOnlyBind(library, "/opt/airlock/python")
                .environment("PYTHONPATH", "/opt/airlock/python")
                .build(),
            workspace,
            null);

    ExecutionResult result = run(sandbox, "import airlock_client; print(airlock_client.NAME)");

    assertThat(result.stdout()).isEqualTo("client\n");
  }

  @Test
  void timeoutAndLimitsStillApply() throws Exception {
    ExecutionResult slow = run(sandbox, "import time; time.sleep(30)", Duration.ofSeconds(1));
    assertThat(slow.status()).isEqualTo(Status.TIMEOUT);

    ExecutionResult memory = run(sandbox, "x = bytearray(3 * 1024 ** 3)");
    assertThat(memory.status()).isEqualTo(Status.KILLED);
    assertThat(memory.error()).isEqualTo("MemoryError: memory limit of 2 GiB exceeded");
  }
}
