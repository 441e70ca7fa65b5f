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

  /**
   * Nobody could be asked ({@code why}: "no terminal", "input closed"), so nobody decided: the
   * merge policy refuses on its own account and the run ends, recorded as the policy's refusal.
   */
  record Unanswered(String why) implements MergeVerdict {}

  /** The run stopped while the merge waited ({@code why}: the stop's reason); nothing merges. */
  record Withdrawn(String why) implements MergeVerdict {}

  static String reasonOf(MergeVerdict v) {
    if (v instanceof Withdrawn w) {
      return "the run stopped before anyone decided (" + w.why() + ")";
    }
    if (v instanceof RejectToAgent r) {
      return r.reason();
    }
    if (v instanceof Unanswered u) {
      return "nobody answered the merge request ("
          + u.why()
          + "), so it is refused; run at a"
          + " terminal to decide, or choose the merge policy auto-if-green or never";
    }
    return v instanceof RejectAndEnd e ? e.reason() : null;
  }
}
