package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The process limit the bootstrap sets in a bubblewrap sandbox. Before Linux 5.14 RLIMIT_NPROC
 * counts every task of the uid on the host, also from inside a user namespace: a limit of the bare
 * allowance would then leave the code of a user with more tasks than that no process or thread at
 * all (pyarrow's import fails). From 5.14 it counts only the sandbox's own.
 */
class ProcessLimitTest {
  private final LocalSandboxConfig config = LocalSandboxConfig.defaults();

  @Test
  void anOlderKernelCountsTheUidsOtherTasks() throws Exception {
    int dropUid = HostUser.dropTarget(config.sandboxUid());
    int uid = dropUid >= 0 ? dropUid : HostUser.currentUid();
    // As root the sandbox user may have no task yet: give it one elsewhere on the host.
    Process other =
        dropUid >= 0
            ? new ProcessBuilder(
                    ResourceLimits.tool("setpriv"),
                    "--reuid=" + dropUid,
                    "--regid=" + dropUid,
                    "--clear-groups",
                    "sleep",
                    "60")
                .start()
            : null;
    try {
      while (HostUser.countTasks(uid) == 0) {
        Thread.sleep(5);
      }

      long limit = ResourceLimits.sandboxProcessLimit(config, dropUid, -1, "5.10.0-23-amd64");

      assertThat(limit).isGreaterThan(config.processes());
    } finally {
      if (other != null) {
        other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void fromLinux514OnlyTheSandboxsOwnTasksCount() {
    int dropUid = HostUser.dropTarget(config.sandboxUid());

    assertThat(ResourceLimits.sandboxProcessLimit(config, dropUid, -1, "5.14.0"))
        .isEqualTo(config.processes());
    assertThat(ResourceLimits.sandboxProcessLimit(config, dropUid, -1, "6.18.44-fc-v782"))
        .isEqualTo(config.processes());
  }

  @Test
  void kernelReleases() {
    assertThat(ResourceLimits.countsPerUserNamespace("5.13.19")).isFalse();
    assertThat(ResourceLimits.countsPerUserNamespace("4.19.0-26-amd64")).isFalse();
    assertThat(ResourceLimits.countsPerUserNamespace("5.15.0-105-generic")).isTrue();
    assertThat(ResourceLimits.countsPerUserNamespace("10.0")).isTrue();
    assertThat(ResourceLimits.countsPerUserNamespace("")).isFalse();
  }
}
