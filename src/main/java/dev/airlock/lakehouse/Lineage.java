package dev.airlock.lakehouse;

import java.nio.charset.StandardCharsets;
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

  /**
   * The lineage URI of a file uploaded from {@code sandboxPath}. The path is the code's own text:
   * every byte outside letters, digits and {@code / . _ - ~} is percent-encoded, so it stays one
   * source however it is shown (a path {@code "a.csv, /raw/payments.csv"} does not read as a
   * second, host-read source in a comma-separated list) and carries no invisible or
   * direction-changing characters into lineage.
   */
  public static String uploadedUri(String sandboxPath) {
    StringBuilder out = new StringBuilder(UPLOADED);
    for (byte b : sandboxPath.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/._-~".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** True for a file sandboxed code uploaded: only its bytes reached the host, once. */
  public static boolean uploaded(String sourceUri) {
    return sourceUri.startsWith(UPLOADED);
  }

  public static Lineage none() {
    return new Lineage(List.of(), null, null);
  }
}
