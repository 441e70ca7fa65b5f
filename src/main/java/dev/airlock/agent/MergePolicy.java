package dev.airlock.agent;

import java.util.Locale;

/** How merges into main are decided during a run (its word: ask, auto-if-green, never). */
public enum MergePolicy {
  /** A human decides, seeing the diff, the check results and the provenance. */
  ASK,
  /**
   * Unattended runs: approved only when every check passes, refused with the failures otherwise.
   */
  AUTO_IF_GREEN,
  /** Dry run: nothing reaches main; every merge is refused with that reason. */
  NEVER;

  public static MergePolicy parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the merge policy must be ask, auto-if-green or never, not '" + text + "'");
    }
  }

  /** "ask", "auto-if-green", "never". */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
