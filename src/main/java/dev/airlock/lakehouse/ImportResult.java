package dev.airlock.lakehouse;

import java.util.List;

/**
 * What an import appended: rows read from {@code sourceFiles} into table {@code fqn}, the table's
 * row count afterwards, and the branch at its new head.
 */
public record ImportResult(
    String fqn, long rowsImported, long records, List<String> sourceFiles, Ref head) {
  public ImportResult {
    sourceFiles = List.copyOf(sourceFiles);
  }
}
