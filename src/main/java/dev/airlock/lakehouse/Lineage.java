package dev.airlock.lakehouse;

import java.util.List;

/**
 * Where a table's data came from: the source locations of every import, and the run and turn that
 * last wrote it (null when written outside an agent run, e.g. by the CLI).
 */
public record Lineage(List<String> sourceUris, String runId, Integer turn) {
  public Lineage {
    sourceUris = List.copyOf(sourceUris);
  }

  public static Lineage none() {
    return new Lineage(List.of(), null, null);
  }
}
