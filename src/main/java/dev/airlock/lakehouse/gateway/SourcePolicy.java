package dev.airlock.lakehouse.gateway;

import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.LakehouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which local sources sandboxed code may name in {@code create_table}/{@code import_data} for the
 * host to read itself. The lakehouse reads them on the host, outside the sandbox, so without a
 * policy the code could import any file the host user can read. Sandbox paths (e.g. {@code /raw})
 * are rewritten to their host folders. When any root is allowed, local paths must lie under an
 * allowed root or a mapped folder, also after following symbolic links.
 *
 * <p>Map and allow only folders the code cannot change (the raw data, bound read-only): a check of
 * a path the code can change is undone by a link swapped in after it. Files the code writes (its
 * workspace {@code /work}) are never read here: its client uploads their bytes (see {@link
 * Uploads}). Remote URIs ({@code s3://...}, any other scheme) are admitted by {@link
 * RemoteSources}.
 */
public record SourcePolicy(
    Map<String, Path> sandboxPaths,
    List<Path> allowedRoots,
    boolean confined,
    RemoteSources remote) {

  public SourcePolicy {
    sandboxPaths = Map.copyOf(sandboxPaths);
    allowedRoots = List.copyOf(allowedRoots);
    confined = confined || !allowedRoots.isEmpty();
  }

  /** Confined as soon as a root is allowed. */
  public SourcePolicy(Map<String, Path> sandboxPaths, List<Path> allowedRoots) {
    this(sandboxPaths, allowedRoots, !allowedRoots.isEmpty(), RemoteSources.any());
  }

  /** No local file at all is read on the host (a run whose raw data is remote). */
  public static SourcePolicy noLocalFiles() {
    return new SourcePolicy(Map.of(), List.of(), true, RemoteSources.any());
  }

  /** No rewriting, no restriction (tests and trusted callers). */
  public static SourcePolicy unrestricted() {
    return new SourcePolicy(Map.of(), List.of(), false, RemoteSources.any());
  }

  /** Remote locations are admitted by {@code sources} (e.g. only the run's raw S3 prefix). */
  public SourcePolicy withRemoteSources(RemoteSources sources) {
    return new SourcePolicy(sandboxPaths, allowedRoots, confined, sources);
  }

  /** Code that names {@code sandboxPrefix} (e.g. {@code /work}) means {@code hostFolder}. */
  public SourcePolicy withSandboxPath(String sandboxPrefix, Path hostFolder) {
    Map<String, Path> all = new LinkedHashMap<>(sandboxPaths);
    all.put(trimSlash(sandboxPrefix), hostFolder.toAbsolutePath().normalize());
    return new SourcePolicy(all, allowedRoots, confined, remote);
  }

  /** Allows local sources under {@code root}; from the first root on, nothing else is allowed. */
  public SourcePolicy withAllowedRoot(Path root) {
    List<Path> all = new ArrayList<>(allowedRoots);
    all.add(root.toAbsolutePath().normalize());
    return new SourcePolicy(sandboxPaths, all, true, remote);
  }

  /** The URI to hand the lakehouse, or FORBIDDEN saying which folders are allowed. */
  String apply(String uri) {
    if (uri.contains("://") && !uri.startsWith("file://")) {
      return remote.admit(uri);
    }
    if (uri.chars().anyMatch(Character::isISOControl)) {
      // A NUL is no path character at all (the host's path parser threw an internal error).
      throw new LakehouseException(
          ErrorType.BAD_REQUEST,
          "Source '"
              + uri.replaceAll("\\p{Cntrl}", "?")
              + "' contains a control character (shown as ?): no path here holds one; name"
              + " the file by its plain path.",
          Map.of());
    }
    String path = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
    String host = toHost(path);
    if (confined) {
      if (!host.startsWith("/")) {
        throw forbidden(uri);
      }
      check(uri, host);
    }
    return host;
  }

  /**
   * {@code message} with each mapped host folder written as the sandbox path the code knows it by:
   * errors tell the code nothing about the host's folders.
   */
  String hideHostPaths(String message) {
    String out = message;
    List<Map.Entry<String, Path>> longestFirst = new ArrayList<>(sandboxPaths.entrySet());
    longestFirst.sort(
        (a, b) -> b.getValue().toString().length() - a.getValue().toString().length());
    for (Map.Entry<String, Path> mapping : longestFirst) {
      out = out.replace(mapping.getValue().toString(), mapping.getKey());
    }
    return out;
  }

  private String toHost(String path) {
    // An allowed root wins over a sandbox prefix: the raw data may live under a host folder that
    // happens to start like one (a host /work/data/... while the sandbox calls its workspace
    // /work).
    if (path.startsWith("/") && under(Path.of(path).normalize(), allowedRoots)) {
      return path;
    }
    Path work = sandboxPaths.get("/work");
    if (!path.startsWith("/") && work != null) {
      return work.resolve(path).normalize().toString();
    }
    for (Map.Entry<String, Path> mapping : sandboxPaths.entrySet()) {
      String prefix = mapping.getKey();
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return mapping.getValue() + path.substring(prefix.length());
      }
    }
    return path;
  }

  private void check(String uri, String host) {
    List<Path> roots = new ArrayList<>(allowedRoots);
    roots.addAll(sandboxPaths.values());
    Path fixed = Path.of(host).toAbsolutePath().normalize();
    int glob = firstGlobSegment(fixed);
    Path base = glob < 0 ? fixed : fixed.getRoot().resolve(fixed.subpath(0, glob));
    boolean climbs = false;
    for (Path part : Path.of(host)) {
      climbs |= part.toString().equals("..");
    }
    if (climbs || !under(base, roots)) {
      throw forbidden(uri);
    }
    for (Path match : matches(fixed, base, glob)) {
      if (!under(real(match), realRoots(roots))) {
        throw forbidden(uri);
      }
    }
  }

  private static List<Path> matches(Path fixed, Path base, int glob) {
    if (glob < 0) {
      return Files.exists(fixed) ? List.of(fixed) : List.of();
    }
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fixed);
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(matcher::matches).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(base);
    }
  }

  private static int firstGlobSegment(Path path) {
    for (int i = 0; i < path.getNameCount(); i++) {
      String part = path.getName(i).toString();
      if (part.chars().anyMatch(c -> "*?[]{}".indexOf(c) >= 0)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean under(Path path, List<Path> roots) {
    return roots.stream().anyMatch(path::startsWith);
  }

  private static List<Path> realRoots(List<Path> roots) {
    return roots.stream().map(SourcePolicy::real).toList();
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  private LakehouseException forbidden(String uri) {
    // The sandbox's names for the folders when it has them: the host's own paths stay unsaid.
    List<String> allowed = new ArrayList<>(sandboxPaths.keySet());
    if (allowed.isEmpty()) {
      allowedRoots.forEach(root -> allowed.add(root.toString()));
    }
    return new LakehouseException(
        ErrorType.FORBIDDEN,
        "Source '"
            + uri
            + "' is not a file the lakehouse reads on the host (it reads only "
            + allowed
            + "): import the raw data from its given location; files in the sandbox"
            + " (such as /work) are sent by the bauplan client itself, so check that the path"
            + " exists there.",
        Map.of("search_uri", uri));
  }

  private static String trimSlash(String prefix) {
    return prefix.length() > 1 && prefix.endsWith("/")
        ? prefix.substring(0, prefix.length() - 1)
        : prefix;
  }
}
