package dev.airlock.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A host path made visible inside the sandbox at {@code target}. Read-only binds carry code the
 * sandbox may import (the Python client module); writable binds carry the one channel out (the
 * directory holding the gateway's Unix socket). Keep writable binds to directories you own: when
 * Airlock runs as root, the sandbox user is given ownership of them before each execution.
 */
public record BindMount(Path source, String target, boolean writable) {

  /** Sandbox paths a bind may not cover: the system, the workspace and the mounts we create. */
  private static final List<String> RESERVED =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib64", "/proc", "/dev", "/work", "/tmp");

  public BindMount {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    source = source.toAbsolutePath().normalize();
    if (!target.startsWith("/") || target.contains("/../") || target.endsWith("/..")) {
      throw new IllegalArgumentException(
          "bind target " + target + " must be an absolute sandbox path without '..'");
    }
    String normalized = Path.of(target).normalize().toString();
    if (normalized.equals("/") || RESERVED.stream().anyMatch(r -> covers(r, normalized))) {
      throw new IllegalArgumentException(
          "bind target "
              + target
              + " collides with a sandbox system path "
              + RESERVED
              + ": choose a path such as /opt/airlock or /run/airlock");
    }
    target = normalized;
  }

  public static BindMount readOnly(Path source, String target) {
    return new BindMount(source, target, false);
  }

  public static BindMount readWrite(Path source, String target) {
    return new BindMount(source, target, true);
  }

  /** Rewrites a sandbox path in {@code value} to the host path (used when there is no sandbox). */
  String toHostPaths(String value) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    int at;
    while ((at = value.indexOf(target, from)) >= 0) {
      int end = at + target.length();
      boolean startsPath = at == 0 || value.charAt(at - 1) == ':' || value.charAt(at - 1) == '=';
      boolean endsPath =
          end == value.length() || value.charAt(end) == '/' || value.charAt(end) == ':';
      out.append(value, from, at).append(startsPath && endsPath ? source.toString() : target);
      from = end;
    }
    return out.append(value.substring(from)).toString();
  }

  private static boolean covers(String reserved, String path) {
    return path.equals(reserved)
        || path.startsWith(reserved + "/")
        || reserved.startsWith(path + "/");
  }
}
