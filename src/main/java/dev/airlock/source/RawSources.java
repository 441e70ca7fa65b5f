package dev.airlock.source;

/**
 * Resolves a raw-data location ({@code s3://bucket/key}, {@code s3://bucket/prefix/*.parquet},
 * {@code file:///path}, a plain path, globs allowed) to local files the engine can read. Remote
 * objects are streamed to a staging folder; local files are used where they are.
 */
public interface RawSources {

  /**
   * @throws SourceException naming the location and what to do (no such bucket, access denied,
   *     nothing matched the glob, unsupported scheme)
   */
  StagedFiles stage(String uri) throws SourceException;
}
