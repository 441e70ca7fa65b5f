package dev.airlock.sandbox;

import static dev.airlock.sandbox.TestSandboxes.py;
import static dev.airlock.sandbox.TestSandboxes.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interpreter that says something on stderr as it starts (a virtual environment whose .pth file
 * warns, as setuptools' and others' do): the spare's ready mark then comes after that text, and the
 * approved code must still run exactly once.
 */
class SpareStartupNoiseTest {
  @TempDir Path dir;

  @Test
  void codeRunsOnceWhenThePythonWarnsAtStartUp() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path venv = dir.resolve("venv");
    Process make =
        new ProcessBuilder("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString())
            .inheritIO()
            .start();
    assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(make.exitValue()).isZero();
    LocalSandboxConfig.Builder config = LocalSandboxConfig.builder();
    ChosenPython.inspect(venv.resolve("bin/python")).applyTo(config);
    // Installed after the check that inspected the interpreter.
    try (Stream<Path> lib = Files.list(venv.resolve("lib"))) {
      Path sitePackages = lib.findFirst().orElseThrow().resolve("site-packages");
      Files.writeString(
          sitePackages.resolve("warns.pth"),
          "import sys; sys.stderr.write('warning: a package warned at start-up\\n')\n");
    }
    Path workspace = dir.resolve("work");
    LocalSandbox sandbox = TestSandboxes.open(workspace, config.build());
    try {
      sandbox.awaitSpare();
      ExecutionResult result =
          run(
              sandbox,
              py(
                  "with open('/work/runs.txt', 'a') as f:",
                  "    f.write('ran\\n')",
                  "print('done')"));

      assertThat(result.stdout()).isEqualTo("done\n");
      assertThat(Files.readAllLines(workspace.resolve("runs.txt"))).containsExactly("ran");
      // The warning reaches the person as python wrote it (once per site folder, lib and lib64);
      // the bootstrap's marks do not.
      assertThat(result.stderr())
          .contains("warning: a package warned at start-up\n")
          .doesNotContain("\0");
      assertThat(result.status()).isEqualTo(ExecutionResult.Status.OK);
    } finally {
      sandbox.close();
    }
  }
}
