package dev.airlock.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

/**
 * Facts about host users the sandbox depends on: whether we are root (RLIMIT_NPROC does not apply
 * to root, so we drop to another uid), how many tasks a uid already runs (RLIMIT_NPROC counts all
 * of them), and handing the workspace over to the sandbox uid.
 */
final class HostUser {
  private HostUser() {}

  static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot read the current uid from /proc/self", e);
    }
  }

  /** The uid the sandbox runs as, or -1 when it runs as the current user without a switch. */
  static int dropTarget(Integer configured) {
    int self = currentUid();
    if (configured != null) {
      return configured == self ? -1 : configured;
    }
    return self == 0 ? LocalSandboxConfig.NOBODY_UID : -1;
  }

  /**
   * Threads of all processes of {@code uid}: what RLIMIT_NPROC counts. The owner of /proc/PID (a
   * cheap stat) picks the processes; only their status files are read, since reading every status
   * file costs more than starting the sandbox on a busy machine.
   */
  static int countTasks(int uid) {
    return countTasksOutside(uid, -1);
  }

  /**
   * Like {@link #countTasks(int)}, leaving out process {@code pid} and its children (a sandbox's
   * bubblewrap and the python it started).
   */
  static int countTasksOutside(int uid, long pid) {
    int total = 0;
    String skipped = Long.toString(pid);
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (!proc.getFileName().toString().equals(skipped) && ownedBy(proc, uid)) {
          total += tasksOf(proc.resolve("status"), uid, skipped);
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  private static boolean ownedBy(Path proc, int uid) {
    try {
      return Integer.valueOf(uid).equals(Files.getAttribute(proc, "unix:uid"));
    } catch (IOException e) {
      return false;
    }
  }

  private static int tasksOf(Path status, int uid, String skippedParent) {
    try {
      boolean mine = false;
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("PPid:") && line.substring(5).trim().equals(skippedParent)) {
          return 0;
        } else if (line.startsWith("Uid:")) {
          mine = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]) == uid;
        } else if (mine && line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring(8).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended while we looked; it no longer counts.
    }
    return 0;
  }

  /**
   * Gives {@code root} and everything below it to {@code uid}. Symbolic links are never followed (a
   * link planted by sandboxed code must not make us chown a host file).
   */
  static void chownTree(Path root, int uid) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.forEach(path -> chown(path, uid));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand " + root + " to the sandbox user " + uid, e);
    }
  }

  static void chown(Path path, int uid) {
    try {
      if (Files.isSymbolicLink(path)) {
        return;
      }
      Object owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      if (!Integer.valueOf(uid).equals(owner)) {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand " + path + " to the sandbox user " + uid, e);
    }
  }

  /**
   * The first folder above {@code path} that other users cannot enter, or {@code path} itself if
   * {@code includeSelf} and others cannot read it; null if all is open.
   */
  static Path firstClosedPath(Path path, boolean includeSelf) {
    Path absolute = path.toAbsolutePath();
    Path ancestor = firstClosedAncestor(absolute);
    if (ancestor != null || !includeSelf) {
      return ancestor;
    }
    try {
      var permissions = Files.getPosixFilePermissions(absolute);
      boolean readable = permissions.contains(PosixFilePermission.OTHERS_READ);
      boolean enterable =
          !Files.isDirectory(absolute) || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
      return readable && enterable ? null : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }

  private static Path firstClosedAncestor(Path path) {
    for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return dir;
        }
      } catch (IOException e) {
        return dir;
      }
    }
    return null;
  }
}
