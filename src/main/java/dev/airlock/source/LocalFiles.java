package dev.airlock.source;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Local paths and {@code file://} URIs, globs allowed; files are used where they are. */
final class LocalFiles {
  private LocalFiles() {}

  static Staged stage(String uri) throws SourceException {
    String path = uri.startsWith("file://") ? stripFileScheme(uri) : uri;
    try {
      return Glob.hasWildcard(path) ? glob(uri, path) : single(uri, Path.of(path));
    } catch (InvalidPathException e) {
      throw new SourceException("'" + uri + "' is not a valid path: " + e.getReason(), e);
    }
  }

  private static String stripFileScheme(String uri) {
    String rest = uri.substring("file://".length());
    if (rest.startsWith("localhost/")) {
      rest = rest.substring("localhost".length());
    }
    // decode %20 and friends only when no glob is involved: '?' cannot survive URI parsing
    return Glob.hasWildcard(rest) || !rest.contains("%")
        ? rest
        : URI.create("file://" + rest).getPath();
  }

  private static Staged single(String uri, Path path) throws SourceException {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new SourceException(
          absolute
              + " is a folder, not a file: name the files inside it with a glob, e.g. "
              + absolute
              + "/*.parquet");
    }
    if (!Files.exists(absolute)) {
      throw new SourceException(
          "No file at "
              + absolute
              + " (from '"
              + uri
              + "'): check the path; relative paths"
              + " resolve against "
              + Path.of("").toAbsolutePath());
    }
    if (!Files.isReadable(absolute)) {
      throw new SourceException("Cannot read " + absolute + ": check its permissions");
    }
    return Staged.inPlace(uri, List.of(absolute));
  }

  private static Staged glob(String uri, String pattern) throws SourceException {
    String baseText = splitBase(pattern);
    Path base = Path.of("").toAbsolutePath().resolve(baseText).normalize();
    String rest = pattern.substring(baseText.length());
    if (!Files.isDirectory(base)) {
      throw new SourceException(
          "No folder " + base + " for the pattern '" + uri + "': check the path");
    }
    Pattern regex = Glob.toRegex(rest);
    List<Path> matches = new ArrayList<>();
    // '*' and '?' never cross folders, so only '**' needs the whole tree below the base
    int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/", -1).length;
    try (Stream<Path> walk = Files.walk(base, depth)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> regex.matcher(relative(base, p)).matches())
          .sorted()
          .forEach(matches::add);
    } catch (IOException | UncheckedIOException e) {
      throw new SourceException(
          "Could not list "
              + base
              + " for '"
              + uri
              + "': "
              + e.getMessage()
              + " (check the folder's permissions)",
          e);
    }
    if (matches.isEmpty()) {
      throw new SourceException(
          "No files match '"
              + uri
              + "' (looked in "
              + base
              + "): check the pattern; * and ? stay"
              + " inside one folder, ** crosses folders");
    }
    return Staged.inPlace(uri, matches);
  }

  /** The leading folders without wildcards, ending with a separator (or empty). */
  private static String splitBase(String pattern) {
    String prefix = Glob.literalPrefix(pattern);
    int slash = prefix.lastIndexOf('/');
    return slash < 0 ? "" : prefix.substring(0, slash + 1);
  }

  private static String relative(Path base, Path file) {
    return base.relativize(file).toString().replace(File.separatorChar, '/');
  }
}
