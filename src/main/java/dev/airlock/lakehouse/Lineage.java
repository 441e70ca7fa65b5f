package dev.airlock.lakehouse;

import java.util.List;

/**
 * Where a table's data came from: the source locations of every import, and the run and turn that
 * last wrote it (null when written outside an agent run, e.g. by the CLI). A file sandboxed code
 * uploaded is recorded as {@code sandbox:<path in the sandbox>}: the host never had it at a path.
 */
public record Lineage(List<String> sourceUris, String runId, Integer turn) {
  /** The scheme of files uploaded from a sandbox. */
  public static final String UPLOADED = "sandbox:";

  public Lineage {
    sourceUris = List.copyOf(sourceUris);
  }

  /** True for a file sandboxed code uploaded: only its bytes reached the host, once. */
  public static boolean uploaded(String sourceUri) {
    return sourceUri.startsWith(UPLOADED);
  }

  public static Lineage none() {
    return new Lineage(List.of(), null, null);
  }
}
