package dev.airlock.lakehouse;

import java.util.Map;
import java.util.regex.Pattern;

/** A commit's hash as a caller gives it: 4 to 40 hex digits (an abbreviation or the full hash). */
public record CommitHash(String hex) {
  private static final int SHORT_LENGTH = 12;
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");

  public CommitHash {
    if (!isValid(hex)) {
      throw new LakehouseException(
          ErrorType.INVALID_REF,
          "Invalid commit hash '"
              + hex
              + "': give 4 to 40 hex digits of a commit listed by `airlock lakehouse log REF`.",
          Map.of("input_ref", String.valueOf(hex)));
    }
  }

  /**
   * The first 12 hex digits of {@code hash}, the form every message and command prints for a commit
   * (and, by the same convention, for a code SHA-256); "none" for a missing hash.
   */
  public static String abbreviate(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(SHORT_LENGTH, hash.length()));
  }

  static boolean isValid(String hex) {
    return hex != null && HEX.matcher(hex).matches();
  }

  @Override
  public String toString() {
    return hex;
  }
}
