package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup check: it passes here, and its failures say what is missing and what to do. */
class SandboxProbeTest {

  @Test
  void probeStartsASandboxAndReportsVersions() throws Exception {
    SandboxProbe probe = LocalSandbox.probe(LocalSandboxConfig.defaults());

    assertThat(probe.bubblewrapVersion()).matches("bubblewrap \\d+\\.\\d+.*");
    assertThat(probe.pythonVersion()).matches("3\\.\\d+\\.\\d+");
  }

  @Test
  void missingBubblewrapSaysHowToInstallItOrOptOut() {
    LocalSandboxConfig config =
        LocalSandboxConfig.builder().bubblewrap(Path.of("/nonexistent/bwrap")).build();

    assertThatThrownBy(() -> LocalSandbox.probe(config))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageStartingWith("bubblewrap is not installed (/nonexistent/bwrap not found)")
        .hasMessageContaining("apt-get install bubblewrap")
        .hasMessageContaining("--unsafe-no-isolation");
  }

  @Test
  void pythonOutsideUsrIsRefusedWithTheReason() {
    LocalSandboxConfig config =
        LocalSandboxConfig.builder().python(Path.of("/root/.pyenv/shims/python3")).build();

    assertThatThrownBy(() -> LocalSandbox.probe(config))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageContaining("sees only the system folder /usr")
        .hasMessageContaining("/usr/bin/python3");
  }

  @Test
  void aBindTheSandboxUserCannotReachIsRefusedWithTheFolder(@TempDir Path closed) throws Exception {
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    LocalSandboxConfig config = LocalSandboxConfig.builder().readOnlyBind(closed, "/opt/x").build();

    if (HostUser.dropTarget(null) >= 0) {
      // As root the sandbox runs as uid 65534, which cannot enter a 0700 folder.
      assertThatThrownBy(
              () -> TestSandboxes.open(closed.resolveSibling("ws-" + closed.getFileName()), config))
          .isInstanceOf(SandboxUnavailableException.class)
          .hasMessageContaining(closed.toString())
          .hasMessageContaining("chmod o+rx");
    } else {
      try (LocalSandbox sandbox = TestSandboxes.open(closed.resolve("ws"), config)) {
        assertThat(TestSandboxes.run(sandbox, "import os; print(os.path.isdir('/opt/x'))").stdout())
            .isEqualTo("True\n");
      }
    }
  }

  @Test
  void explainsRefusedUserNamespacesWithTheFix() {
    String message =
        SandboxProbe.explain(
            "bwrap: setting up uid map: Permission denied\n", LocalSandboxConfig.defaults(), -1);

    assertThat(message)
        .contains("setting up uid map: Permission denied")
        .contains("kernel.apparmor_restrict_unprivileged_userns=0")
        .contains("--unsafe-no-isolation");
  }
}
