package dev.airlock.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bucket and a folder of keys in it: everything under {@code s3://bucket/a/b/}. Containment is
 * structural (same bucket, the key's leading segments equal the prefix's), never a string prefix
 * test, so {@code s3://raw-evil/...} is not under {@code s3://raw} and {@code a/bc} not under
 * {@code a/b}.
 */
public record S3Prefix(String bucket, List<String> segments) {
  public S3Prefix {
    segments = List.copyOf(segments);
  }

  /**
   * A prefix a person names, e.g. {@code s3://bucket}, {@code s3://bucket/folder/}; the trailing
   * slash is optional and a key {@code folder} alone also covers keys {@code folder/...}.
   */
  public static S3Prefix parse(String uri) throws SourceException {
    S3Prefix prefix = enclosing(uri);
    String text = uri.trim();
    if (Glob.hasWildcard(text.substring(S3Location.SCHEME.length()))) {
      throw new SourceException(
          "'" + uri + "' is a pattern, not a prefix: give the folder," + " e.g. " + prefix.uri());
    }
    return prefix;
  }

  /**
   * The prefix every key a location (a key, a folder or a glob) can reach lies under: for a glob,
   * the folder before its first wildcard segment.
   */
  public static S3Prefix enclosing(String uri) throws SourceException {
    String text = uri.trim();
    if (!text.toLowerCase(Locale.ROOT).startsWith(S3Location.SCHEME)) {
      throw new SourceException("'" + uri + "' is not an s3:// prefix: write s3://BUCKET/FOLDER/");
    }
    String rest = text.substring(S3Location.SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    S3Location.checkBucket(uri, bucket);
    if (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (!key.isEmpty()) {
      S3Location.checkKey(uri, key);
      for (String segment : key.split("/")) {
        if (Glob.hasWildcard(segment)) {
          break;
        }
        segments.add(segment);
      }
    }
    return new S3Prefix(bucket, segments);
  }

  /** True when {@code location}'s key lies in this prefix's bucket, at or below its folder. */
  public boolean contains(S3Location location) {
    List<String> key = location.segments();
    return location.bucket().equals(bucket)
        && key.size() >= segments.size()
        && key.subList(0, segments.size()).equals(segments);
  }

  /** {@code s3://bucket/folder/}. */
  public String uri() {
    return S3Location.SCHEME
        + bucket
        + "/"
        + (segments.isEmpty() ? "" : String.join("/", segments) + "/");
  }

  @Override
  public String toString() {
    return uri();
  }
}
