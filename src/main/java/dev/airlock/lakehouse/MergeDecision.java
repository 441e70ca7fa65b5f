package dev.airlock.lakehouse;

/** A merge gate's answer: approve, or reject with a reason the requester is told. */
public record MergeDecision(boolean approved, String reason) {

  public static MergeDecision approve() {
    return new MergeDecision(true, null);
  }

  public static MergeDecision reject(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    return new MergeDecision(false, reason);
  }
}
