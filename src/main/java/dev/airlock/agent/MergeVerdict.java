package dev.airlock.agent;

/**
 * The supervisor's answer to a merge request. A rejection carries a reason and says what happens
 * next: the reason goes back to the agent (the run continues and can fix the data), or the run
 * ends. Either way the branch is kept for inspection.
 */
public sealed interface MergeVerdict {
  record Approve() implements MergeVerdict {}

  record RejectToAgent(String reason) implements MergeVerdict {}

  record RejectAndEnd(String reason) implements MergeVerdict {}

  static String reasonOf(MergeVerdict v) {
    if (v instanceof RejectToAgent r) {
      return r.reason();
    }
    return v instanceof RejectAndEnd e ? e.reason() : null;
  }
}
