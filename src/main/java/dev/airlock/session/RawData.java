package dev.airlock.session;

import dev.airlock.lakehouse.gateway.SourcePolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A run's raw data as the host and the code see it: where it is on this machine (null when remote),
 * how the code names it ({@code /raw}), which files the task lists, and the rules that keep the
 * host reading only what the code cannot change.
 */
final class RawData {
  /** A local raw-data folder appears to the agent's code under this path. */
  static final String RAW_IN_SANDBOX = "/raw";

  private RawData() {}

  /**
   * Names the data files of a local raw location for the task prompt, so the agent knows what there
   * is without listing a folder its sandbox cannot see. Remote locations are left to the agent.
   */
  static List<String> files(String rawUri) {
    Path local = localPath(rawUri);
    if (local == null || !Files.isDirectory(local)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(local)) {
      return s.filter(Files::isRegularFile)
          .filter(RawData::isData)
          .map(p -> RAW_IN_SANDBOX + "/" + p.getFileName())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean isData(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".parquet")
        || name.endsWith(".csv")
        || name.endsWith(".json")
        || name.endsWith(".jsonl")
        || name.endsWith(".ndjson");
  }

  /**
   * What the host reads for the code: only the raw data, under {@code /raw}; with remote raw data,
   * no local path at all. A single raw file is the one name {@code /raw/FILE}: mapping {@code /raw}
   * to its folder let the code's globs walk that folder (a home folder, say) and its refusals name
   * every file there.
   */
  static SourcePolicy sourcePolicy(String rawUri) {
    Path folder = rawFolder(rawUri);
    if (folder == null) {
      return SourcePolicy.noLocalFiles();
    }
    Path local = localPath(rawUri);
    String inSandbox = rawUriForAgent(rawUri);
    return SourcePolicy.unrestricted()
        .withSandboxPath(folder.equals(local) ? RAW_IN_SANDBOX : inSandbox, local)
        .withAllowedRoot(local);
  }

  /**
   * The host reads raw files in place because the code cannot change them: refuse a raw folder that
   * holds a folder the sandbox writes (its workspace, the gateway's socket folder), where the code
   * could plant a link for the host to follow.
   */
  static void refuseWritableRaw(Path rawLocal, Path sandboxWritable) throws LaunchException {
    if (rawLocal == null) {
      return;
    }
    try {
      Path raw = rawLocal.toRealPath();
      Files.createDirectories(sandboxWritable);
      if (sandboxWritable.toRealPath().startsWith(raw)) {
        throw LaunchException.of(
            RunRequest.Field.RAW,
            "the raw data "
                + rawLocal
                + " holds "
                + sandboxWritable
                + ", a folder the agent's code can write: move the raw data to a folder of its own.");
      }
    } catch (IOException e) {
      // A missing raw location is reported where it is read.
    }
  }

  /** The local folder holding the raw data, or null for remote locations. */
  static Path rawFolder(String rawUri) {
    Path local = localPath(rawUri);
    if (local == null) {
      return null;
    }
    return Files.isDirectory(local) ? local : local.getParent();
  }

  /** How the agent's code names the raw location: local folders appear under /raw. */
  static String rawUriForAgent(String rawUri) {
    Path folder = rawFolder(rawUri);
    if (folder == null) {
      return rawUri;
    }
    Path local = localPath(rawUri);
    return Files.isDirectory(local)
        ? RAW_IN_SANDBOX + "/"
        : RAW_IN_SANDBOX + "/" + local.getFileName();
  }

  /** True when the sandbox's unprivileged user can enter every folder down to {@code folder}. */
  static boolean openToOthers(Path folder) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return true;
    }
    try {
      for (Path p = folder.toRealPath(); p != null; p = p.getParent()) {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  static Path localPath(String uri) {
    if (uri == null || (uri.contains("://") && !uri.startsWith("file:"))) {
      return null;
    }
    return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri).toAbsolutePath();
  }
}
