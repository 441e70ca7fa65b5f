package dev.airlock.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the sandbox runs as and how many processes it may have. The limits themselves are set by the
 * bootstrap ({@link PythonBootstrap}), inside the sandbox before the code runs, which costs no
 * program start. Root (the real uid 0 on the host, whatever it is called inside a user namespace)
 * is exempt from RLIMIT_NPROC, so a root JVM first drops to an unprivileged uid with {@code
 * setpriv}: the one step the bootstrap cannot take (inside its user namespace only its own uid is
 * mapped and it holds no capability) and bubblewrap's {@code --uid} does not either (it changes the
 * uid inside the namespace only; on the host the process stays root, exempt from RLIMIT_NPROC).
 */
final class ResourceLimits {
  private ResourceLimits() {}

  /** The uid switch before bubblewrap when running as root, else nothing. */
  static List<String> prefix(int dropUid) {
    if (dropUid < 0) {
      return List.of();
    }
    return List.of(tool("setpriv"), "--reuid=" + dropUid, "--regid=" + dropUid, "--clear-groups");
  }

  /**
   * RLIMIT_NPROC for an unisolated process {@code sandboxPid} (no user namespace, so the limit
   * counts every task of its uid on the host): the tasks the uid runs elsewhere now plus the
   * allowance, so the process itself and whatever the code starts share the allowance. Counted when
   * the code is sent. The bubblewrap sandbox needs no count (see {@link LocalSandbox}).
   */
  static long processLimit(LocalSandboxConfig config, int dropUid, long sandboxPid) {
    int owner = dropUid >= 0 ? dropUid : HostUser.currentUid();
    return (long) HostUser.countTasksOutside(owner, sandboxPid) + config.processes();
  }

  /**
   * RLIMIT_NPROC for the code in a bubblewrap sandbox {@code sandboxPid} on a kernel of release
   * {@code kernelRelease}: the allowance itself where the kernel counts the limit per user
   * namespace (Linux 5.14 and later: only the sandbox's own tasks count), else the host count plus
   * the allowance as for an unisolated process (before 5.14 every task of the uid on the host
   * counts, so a desktop user's few hundred threads would leave the code none at all).
   */
  static long sandboxProcessLimit(
      LocalSandboxConfig config, int dropUid, long sandboxPid, String kernelRelease) {
    return countsPerUserNamespace(kernelRelease)
        ? config.processes()
        : processLimit(config, dropUid, sandboxPid);
  }

  /** Whether a kernel of release {@code kernelRelease} ({@code uname -r}) is 5.14 or later. */
  static boolean countsPerUserNamespace(String kernelRelease) {
    Matcher version = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(kernelRelease);
    if (!version.find()) {
      return false;
    }
    int major = Integer.parseInt(version.group(1));
    int minor = Integer.parseInt(version.group(2));
    return major > 5 || (major == 5 && minor >= 14);
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
