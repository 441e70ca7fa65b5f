package dev.airlock.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stages S3 objects: one key, or every key a glob matches (ListObjectsV2, all pages). Each object
 * streams to {@code stagingDir/bucket/key}, keeping its name and extension so DuckDB can tell the
 * format; nothing is held in memory beyond a copy buffer.
 */
final class S3Files {
  private final S3Client s3;
  private final S3Errors errors;

  S3Files(S3Client s3, S3Errors errors) {
    this.s3 = s3;
    this.errors = errors;
  }

  Staged stage(String uri, Path stagingDir) throws SourceException {
    S3Location location = S3Location.parse(uri);
    List<String> keys =
        Glob.hasWildcard(location.key()) ? matchingKeys(uri, location) : List.of(location.key());
    List<Path> files = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (String key : keys) {
      S3Location object = new S3Location(location.bucket(), key);
      // a listed key is data, but a '..' in it could still be resolved into another bucket on the
      // way
      S3Location.checkSegments(object.uri(), key);
      files.add(download(object, stagingDir));
      sources.add(object.uri());
    }
    return new Staged(uri, files, sources, stagingDir);
  }

  /**
   * The objects {@code uri} names (one key, every key under a folder-like prefix, or every key a
   * glob matches) with their sizes, without reading them: at most {@code max}, in key order.
   */
  RawObjects list(String uri, int max) throws SourceException {
    S3Location location = S3Location.parse(uri);
    String key = location.key();
    boolean glob = Glob.hasWildcard(key);
    Pattern pattern = glob ? Glob.toRegex(key) : null;
    String prefix = glob ? Glob.literalPrefix(key) : key;
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(location.bucket()).prefix(prefix).build();
    List<RawObjects.RawObject> objects = new ArrayList<>();
    long bytes = 0;
    int count = 0;
    try {
      for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
        String k = object.key();
        boolean named =
            glob
                ? pattern.matcher(k).matches()
                : key.isEmpty() || key.endsWith("/") || k.equals(key) || k.startsWith(key + "/");
        if (!named || k.endsWith("/")) {
          continue;
        }
        if (count == max) {
          return new RawObjects(objects, count, bytes, true);
        }
        count++;
        long size = object.size() == null ? 0 : object.size();
        bytes += size;
        objects.add(new RawObjects.RawObject(new S3Location(location.bucket(), k).uri(), size));
      }
    } catch (SdkException e) {
      throw errors.translate(e, uri, location.bucket());
    }
    return new RawObjects(objects, count, bytes, false);
  }

  private List<String> matchingKeys(String uri, S3Location location) throws SourceException {
    Pattern pattern = Glob.toRegex(location.key());
    String prefix = Glob.literalPrefix(location.key());
    ListObjectsV2Request request =
        ListObjectsV2Request.builder().bucket(location.bucket()).prefix(prefix).build();
    List<String> keys = new ArrayList<>();
    long listed = 0;
    try {
      for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
        listed++;
        if (pattern.matcher(object.key()).matches() && !object.key().endsWith("/")) {
          keys.add(object.key());
        }
      }
    } catch (SdkException e) {
      throw errors.translate(e, uri, location.bucket());
    }
    if (keys.isEmpty()) {
      throw new SourceException(
          "No objects match "
              + uri
              + " ("
              + listed
              + " listed under s3://"
              + location.bucket()
              + "/"
              + prefix
              + "): check the pattern; * and ? stay inside one folder, ** crosses"
              + " folders");
    }
    keys.sort(null);
    return keys;
  }

  private Path download(S3Location object, Path stagingDir) throws SourceException {
    Path target = localPath(stagingDir, object);
    GetObjectRequest request =
        GetObjectRequest.builder().bucket(object.bucket()).key(object.key()).build();
    try (InputStream in = s3.getObject(request)) {
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return target;
    } catch (SdkException e) {
      throw errors.translate(e, object.uri(), object.bucket());
    } catch (IOException e) {
      throw new SourceException(
          "Could not copy "
              + object.uri()
              + " to "
              + target
              + ": "
              + e.getMessage()
              + " (check free disk space in "
              + stagingDir
              + ")",
          e);
    }
  }

  /** stagingDir/bucket/key, with path tricks in keys ("..", empty segments) neutralised. */
  static Path localPath(Path stagingDir, S3Location object) {
    Path path = stagingDir.resolve(safe(object.bucket()));
    for (String segment : object.key().split("/", -1)) {
      path = path.resolve(safe(segment));
    }
    return path;
  }

  private static String safe(String segment) {
    return segment.isEmpty() || segment.equals(".") || segment.equals("..")
        ? "_" + segment.replace('.', '_')
        : segment.replace('\\', '_');
  }
}
