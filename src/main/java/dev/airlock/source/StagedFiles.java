package dev.airlock.source;

import java.nio.file.Path;
import java.util.List;

/**
 * The local files behind a raw-data location, in a stable order. {@code sourceUris} are the
 * original locations of each file (for lineage). Closing deletes whatever was staged (never a
 * user's own local file).
 */
public interface StagedFiles extends AutoCloseable {
  String uri();

  List<Path> files();

  List<String> sourceUris();

  @Override
  void close();
}
