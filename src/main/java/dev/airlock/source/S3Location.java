package dev.airlock.source;

/** {@code s3://bucket/key}, parsed by hand: globs ({@code ?}, {@code [}) are not URI-safe. */
record S3Location(String bucket, String key) {
  static S3Location parse(String uri) throws SourceException {
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new SourceException(
          "'" + uri + "' names no bucket: write s3://BUCKET/KEY or s3://BUCKET/PREFIX/*.parquet");
    }
    if (key.isEmpty() || key.endsWith("/")) {
      throw new SourceException(
          "'" + uri + "' names no object: add a key or a glob, e.g. s3://" + bucket + "/"
              + key + "*.parquet");
    }
    return new S3Location(bucket, key);
  }

  String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
