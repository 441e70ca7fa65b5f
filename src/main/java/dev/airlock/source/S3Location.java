package dev.airlock.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code s3://bucket/key}, parsed by hand: globs ({@code ?}, {@code [}) are not URI-safe. Parsing
 * is strict because the key decides which host request goes out: no empty, {@code .} or {@code ..}
 * segments (the SDK sends them as they are, and a proxy or S3-compatible server that resolves them
 * path-style reaches another bucket), no percent escapes, backslashes, control characters or
 * fragments, and a bucket of plain name characters (so no user-info, port or query can hide in it).
 * Keys from a listing are built directly, not parsed.
 */
public record S3Location(String bucket, String key) {
  static final String SCHEME = "s3://";
  private static final Pattern BUCKET =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,253}[A-Za-z0-9])?");

  /** Parses {@code s3://BUCKET/KEY} (the key may hold a glob), or says what is wrong with it. */
  public static S3Location parse(String uri) throws SourceException {
    if (!uri.startsWith(SCHEME)) {
      throw new SourceException("'" + uri + "' is not an s3:// location: write s3://BUCKET/KEY");
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new SourceException(
          "'" + uri + "' names no bucket: write s3://BUCKET/KEY or s3://BUCKET/PREFIX/*.parquet");
    }
    checkBucket(uri, bucket);
    if (key.isEmpty() || key.endsWith("/")) {
      throw new SourceException(
          "'"
              + uri
              + "' names no object: add a key or a glob, e.g. s3://"
              + bucket
              + "/"
              + key
              + "*.parquet");
    }
    checkKey(uri, key);
    return new S3Location(bucket, key);
  }

  public String uri() {
    return SCHEME + bucket + "/" + key;
  }

  /** The key's '/'-separated segments. */
  List<String> segments() {
    return List.of(key.split("/", -1));
  }

  static void checkBucket(String uri, String bucket) throws SourceException {
    if (!BUCKET.matcher(bucket).matches()) {
      throw new SourceException(
          "'"
              + uri
              + "' names the bucket '"
              + bucket
              + "', which is not a"
              + " bucket name: use letters, digits, '.', '-' and '_' only (no user, port or query)");
    }
  }

  /** Refuses what could make one key reach another: odd segments and escaped characters. */
  static void checkKey(String uri, String key) throws SourceException {
    checkSegments(uri, key);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '%' || c == '\\' || c == '#' || Character.isISOControl(c)) {
        throw new SourceException(
            "'"
                + uri
                + "' has the character "
                + describe(c)
                + " in its key, which S3 locations here may not contain: name the object by its plain"
                + " key, or match it with a glob (* or ?)");
      }
    }
  }

  /**
   * Empty, {@code .} and {@code ..} segments: a server may resolve them to another key or bucket.
   */
  static void checkSegments(String uri, String key) throws SourceException {
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new SourceException(
            "'"
                + uri
                + "' has an empty, '.' or '..' segment in its key:"
                + " name the object by its plain key, e.g. s3://BUCKET/folder/file.csv");
      }
    }
  }

  private static String describe(char c) {
    return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }
}
