package dev.airlock.model;

/**
 * Tokens in and out. Zero when the provider did not report them. A count is never negative (a
 * provider's negative figure is read as zero) and sums stop at {@link Long#MAX_VALUE} rather than
 * wrapping: the token budget compares these, and a wrapped or negative sum would never reach it.
 */
public record Usage(long inputTokens, long outputTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public Usage {
    inputTokens = Math.max(0, inputTokens);
    outputTokens = Math.max(0, outputTokens);
  }

  public Usage plus(Usage other) {
    return new Usage(sum(inputTokens, other.inputTokens), sum(outputTokens, other.outputTokens));
  }

  public long totalTokens() {
    return sum(inputTokens, outputTokens);
  }

  private static long sum(long a, long b) {
    long s = a + b;
    // Both are at least zero: a negative sum is one that overflowed.
    return s < 0 ? Long.MAX_VALUE : s;
  }
}
