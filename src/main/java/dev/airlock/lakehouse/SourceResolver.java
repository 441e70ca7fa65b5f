package dev.airlock.lakehouse;

import dev.airlock.source.RawSources;
import dev.airlock.source.SourceException;
import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a source URI into local files: plain paths, {@code file://} and globs directly; {@code
 * s3://} through {@link RawSources} when one was given. Failures are IMPORT_FAILED naming the URI.
 */
final class SourceResolver {
  private final RawSources remote;
  private final SourceGuard guard;

  SourceResolver(RawSources remote, SourceGuard guard) {
    this.remote = remote;
    this.guard = guard;
  }

  /** Local files behind a source; close it to drop anything staged. */
  StagedFiles resolve(String uri) {
    if (uri == null || uri.isBlank()) {
      throw failed(String.valueOf(uri), "no source location given: pass a path or s3:// URI");
    }
    if (uri.startsWith("s3://")) {
      if (remote == null) {
        throw failed(
            uri,
            "s3:// sources need the S3 reader, which this lakehouse was built"
                + " without: use a local path, or run through `airlock run`");
      }
      try {
        return remote.stage(uri);
      } catch (SourceException e) {
        throw new LakehouseException(
            ErrorType.IMPORT_FAILED, e.getMessage(), Map.of("search_uri", uri), e);
      }
    }
    String path = uri.startsWith("file://") ? URI.create(uri).getPath() : uri;
    if (uri.contains("://") && !uri.startsWith("file://")) {
      throw failed(uri, "unsupported scheme: use a local path, file:// or s3://");
    }
    List<Path> files = localFiles(uri, path);
    List<String> uris = files.stream().map(p -> p.toUri().toString()).toList();
    return guard.admit(uri, new LocalFiles(uri, files, uris));
  }

  private static List<Path> localFiles(String uri, String path) {
    if (!path.matches(".*[*?\\[{].*")) {
      Path p = Path.of(path).toAbsolutePath();
      if (Files.isRegularFile(p)) {
        return List.of(p);
      }
      if (Files.isDirectory(p)) {
        List<Path> files =
            walk(
                uri,
                p,
                FileSystems.getDefault().getPathMatcher("glob:**.{parquet,csv,json,jsonl,ndjson}"));
        if (files.isEmpty()) {
          throw failed(
              uri,
              "the folder holds no data files (.parquet, .csv, .json, .jsonl, .ndjson): check the"
                  + " path");
        }
        return files;
      }
      throw failed(uri, "no such file or folder: check the path");
    }
    Path abs = Path.of(path.startsWith("/") ? path : Path.of("").toAbsolutePath() + "/" + path);
    Path base = abs.getRoot();
    for (Path part : abs) {
      if (part.toString().matches(".*[*?\\[{].*")) {
        break;
      }
      base = base.resolve(part);
    }
    String pattern = abs.toString().replace("\\", "\\\\");
    List<Path> files = walk(uri, base, FileSystems.getDefault().getPathMatcher("glob:" + pattern));
    if (files.isEmpty()) {
      throw failed(uri, "the pattern matched no files: check the folder and the pattern");
    }
    return files;
  }

  private static List<Path> walk(String uri, Path base, PathMatcher matcher) {
    if (!Files.isDirectory(base)) {
      throw failed(uri, "folder " + base + " does not exist: check the path");
    }
    try (Stream<Path> s = Files.walk(base)) {
      return s.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
    } catch (IOException e) {
      throw failed(uri, "cannot list " + base + ": " + e.getMessage());
    }
  }

  static LakehouseException failed(String uri, String why) {
    return new LakehouseException(
        ErrorType.IMPORT_FAILED,
        "Cannot read source " + uri + ": " + why + ".",
        Map.of("search_uri", uri));
  }

  private record LocalFiles(String uri, List<Path> files, List<String> sourceUris)
      implements StagedFiles {
    @Override
    public void close() {}
  }
}
