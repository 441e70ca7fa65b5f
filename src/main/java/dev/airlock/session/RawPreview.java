package dev.airlock.session;

import dev.airlock.source.DefaultRawSources;
import dev.airlock.source.RawObjects;
import dev.airlock.source.S3Settings;
import dev.airlock.source.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a raw-data location holds, before a run starts: its files (or S3 objects) and their total
 * size, for a face to show beside the location. Nothing is read or downloaded. Blocking: a folder
 * walk or an S3 listing; call it off any UI thread.
 */
public final class RawPreview {
  /** The most files or objects listed; the listing says when there are more. */
  public static final int MAX_LISTED = 5_000;

  private RawPreview() {}

  /**
   * @param files every file or object, up to {@link #MAX_LISTED}, as "relative name, size"
   * @param truncated there are more than listed
   */
  public record Listing(String location, List<Item> files, long bytes, boolean truncated) {
    public Listing {
      files = List.copyOf(files);
    }
  }

  /** One file: its name relative to the location, and its size in bytes. */
  public record Item(String name, long size) {}

  /** A location that cannot be listed; the message names it and says what to do. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Lists {@code raw} (an s3:// or file:// URI or a path; blank: the generated demo data in {@code
   * paths}); S3 is reached as runs reach it ({@code env}'s {@code AIRLOCK_S3_*}, the AWS chain).
   */
  public static Listing list(String raw, AirlockPaths paths, Map<String, String> env)
      throws Unavailable {
    if (raw == null || raw.isBlank()) {
      Path demo = paths.demoData();
      if (!Files.isDirectory(demo)) {
        throw new Unavailable("the generated demo dataset is made at the first run, in " + demo);
      }
      return local(demo.toString(), demo);
    }
    String location = raw.strip();
    if (location.regionMatches(true, 0, "s3://", 0, 5)) {
      return s3(location, env);
    }
    Path path;
    try {
      path = RawData.localPath(location);
    } catch (IllegalArgumentException e) {
      throw new Unavailable(location + " is not a usable location: " + e.getMessage());
    }
    if (path == null) {
      throw new Unavailable(
          location + ": give a folder of data files, a file, or an s3:// location");
    }
    if (!Files.exists(path)) {
      throw new Unavailable(
          location
              + ": no such file or folder ("
              + path
              + "); give a folder of data files, a file, or an s3:// location");
    }
    return local(location, path);
  }

  private static Listing local(String location, Path path) throws Unavailable {
    List<Item> items = new ArrayList<>();
    long[] bytes = {0};
    boolean[] more = {false};
    if (Files.isRegularFile(path)) {
      long size = size(path);
      return new Listing(
          location, List.of(new Item(path.getFileName().toString(), size)), size, false);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.filter(Files::isRegularFile)
          .forEach(
              f -> {
                if (items.size() == MAX_LISTED) {
                  more[0] = true;
                  return;
                }
                long size = size(f);
                bytes[0] += size;
                items.add(new Item(path.relativize(f).toString(), size));
              });
    } catch (IOException | UncheckedIOException e) {
      throw new Unavailable("cannot list " + path + ": " + e.getMessage());
    }
    items.sort((a, b) -> a.name().compareTo(b.name()));
    return new Listing(location, items, bytes[0], more[0]);
  }

  private static long size(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).size();
    } catch (IOException e) {
      return 0;
    }
  }

  /** "s3://b/raw/" of "s3://b/raw/*.csv" or "s3://b/raw/x.csv": names are shown under it. */
  private static String folderOf(String location) {
    int wildcard = location.length();
    for (char c : new char[] {'*', '?', '['}) {
      int at = location.indexOf(c);
      if (at >= 0) {
        wildcard = Math.min(wildcard, at);
      }
    }
    return location.substring(0, location.lastIndexOf('/', wildcard - 1) + 1);
  }

  private static Listing s3(String location, Map<String, String> env) throws Unavailable {
    try (DefaultRawSources sources =
        new DefaultRawSources(
            S3Settings.fromEnvironment(env),
            Path.of(System.getProperty("java.io.tmpdir"), "airlock-staging"))) {
      RawObjects objects = sources.listS3(location, MAX_LISTED);
      String base = folderOf(location);
      List<Item> items = new ArrayList<>();
      for (RawObjects.RawObject o : objects.objects()) {
        String name = o.uri().startsWith(base) ? o.uri().substring(base.length()) : o.uri();
        items.add(new Item(name, o.size()));
      }
      if (items.isEmpty()) {
        throw new Unavailable("nothing at " + location + ": check the bucket and the prefix");
      }
      return new Listing(location, items, objects.bytes(), objects.truncated());
    } catch (SourceException e) {
      throw new Unavailable(e.getMessage());
    } catch (RuntimeException e) {
      throw new Unavailable(
          "cannot list "
              + location
              + " ("
              + e.getClass().getSimpleName()
              + "): check the network and the AWS credentials");
    }
  }
}
