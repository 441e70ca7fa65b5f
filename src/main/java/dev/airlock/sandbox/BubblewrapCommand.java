package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bubblewrap argv: every namespace unshared (so no network), no capabilities, an empty
 * environment plus the whitelist, /usr read-only, a size-capped /tmp and one writable workspace at
 * /work. Python runs as PID 1 of its namespace, so when it exits the kernel kills every process it
 * left behind.
 */
final class BubblewrapCommand {
  static final String WORKSPACE = "/work";

  /** Host files outside /usr that shared libraries need (alternatives symlinks, linker cache). */
  private static final List<String> SYSTEM_FILES =
      List.of("/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime");

  private BubblewrapCommand() {}

  static List<String> build(
      LocalSandboxConfig config, Path workspace, Map<String, String> environment) {
    List<String> argv = new ArrayList<>();
    argv.add(config.bubblewrap().toString());
    argv.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns"));
    argv.addAll(List.of("--die-with-parent", "--new-session", "--as-pid-1"));
    argv.addAll(List.of("--cap-drop", "ALL", "--clearenv"));
    environment.forEach((name, value) -> argv.addAll(List.of("--setenv", name, value)));
    argv.addAll(List.of("--hostname", "sandbox"));
    argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
    for (String dir : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
      systemDir(argv, dir);
    }
    SYSTEM_FILES.forEach(file -> argv.addAll(List.of("--ro-bind-try", file, file)));
    argv.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    argv.addAll(List.of("--size", Long.toString(config.tmpBytes()), "--tmpfs", "/tmp"));
    argv.addAll(List.of("--bind", workspace.toString(), WORKSPACE));
    for (BindMount bind : config.binds()) {
      argv.addAll(
          List.of(
              bind.writable() ? "--bind" : "--ro-bind", bind.source().toString(), bind.target()));
    }
    // The root is bubblewrap's own tmpfs, writable and unbounded: close it, so only /work and
    // the size-capped /tmp take writes.
    argv.addAll(List.of("--remount-ro", "/"));
    argv.addAll(List.of("--chdir", WORKSPACE, "--"));
    argv.addAll(PythonBootstrap.command(config.python().toString(), config));
    return argv;
  }

  /** Merged-/usr systems have /bin -> usr/bin: recreate the link; otherwise bind the folder. */
  private static void systemDir(List<String> argv, String name) {
    Path host = Path.of("/", name);
    if (Files.isSymbolicLink(host)) {
      try {
        argv.addAll(List.of("--symlink", Files.readSymbolicLink(host).toString(), "/" + name));
      } catch (IOException e) {
        // Unreadable link: leave the folder out; /usr still holds the interpreter.
      }
    } else if (Files.isDirectory(host)) {
      argv.addAll(List.of("--ro-bind", host.toString(), host.toString()));
    }
  }
}
