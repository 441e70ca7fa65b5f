package dev.airlock.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command prefix that applies the limits: {@code [setpriv ...] prlimit ...}. RLIMIT_NPROC
 * counts every process and thread of the real uid on the host, and root is exempt from it, so a
 * root JVM first drops to an unprivileged uid, and the limit is that uid's current count plus the
 * allowance (verified here: a fork bomb then fails with EAGAIN).
 */
final class ResourceLimits {
  private ResourceLimits() {}

  static List<String> prefix(LocalSandboxConfig config, long cpuSeconds, int dropUid) {
    List<String> argv = new ArrayList<>();
    if (dropUid >= 0) {
      argv.addAll(
          List.of(tool("setpriv"), "--reuid=" + dropUid, "--regid=" + dropUid, "--clear-groups"));
    }
    int owner = dropUid >= 0 ? dropUid : HostUser.currentUid();
    int nproc = HostUser.countTasks(owner) + config.processes();
    argv.add(tool("prlimit"));
    argv.add("--as=" + config.memoryBytes());
    argv.add("--fsize=" + config.fileSizeBytes());
    // Soft then hard: SIGXCPU first (the bootstrap reports it), SIGKILL a second later.
    argv.add("--cpu=" + cpuSeconds + ":" + (cpuSeconds + 1));
    argv.add("--nofile=" + config.openFiles());
    argv.add("--nproc=" + nproc);
    argv.add("--core=0");
    return argv;
  }

  /** The absolute path of a util-linux tool (the child's PATH is cleared). */
  static String tool(String name) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return name;
  }
}
