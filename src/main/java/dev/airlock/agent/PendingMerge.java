package dev.airlock.agent;

import java.util.Objects;

/**
 * A merge into main waiting for the supervisor, with the evidence to decide on: the diff per table,
 * the audit's check results, where each table's data came from, what the run has cost.
 */
public final class PendingMerge extends OpenQuestion<MergeVerdict> implements PendingDecision {
  private final MergeEvidence evidence;
  private final String sourceCommit;
  private final String targetCommit;

  PendingMerge(
      String id, int turn, MergeEvidence evidence, String sourceCommit, String targetCommit) {
    super(id, turn);
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.sourceCommit = sourceCommit;
    this.targetCommit = targetCommit;
  }

  public MergeEvidence evidence() {
    return evidence;
  }

  public String sourceCommit() {
    return sourceCommit;
  }

  public String targetCommit() {
    return targetCommit;
  }

  /** Publishes the branch into main. */
  public boolean approve() {
    return give(new MergeVerdict.Approve());
  }

  /** Refuses the merge; {@code reason} goes to the agent, which can fix the data. */
  public boolean rejectToAgent(String reason) {
    return give(new MergeVerdict.RejectToAgent(reasonOrDefault(reason)));
  }

  /** Refuses the merge and ends the run (the branch is kept). */
  public boolean rejectAndEnd(String reason) {
    return give(new MergeVerdict.RejectAndEnd(reasonOrDefault(reason)));
  }

  /**
   * Nobody can answer ({@code why}: "no terminal", "input closed"): the merge policy refuses on its
   * own account and the run ends.
   */
  public boolean unanswered(String why) {
    return give(new MergeVerdict.Unanswered(why));
  }

  @Override
  MergeVerdict withdrawal(String reason) {
    return new MergeVerdict.Withdrawn(reason);
  }

  private static String reasonOrDefault(String reason) {
    return reason == null || reason.isBlank()
        ? "the supervisor declined the merge"
        : reason.strip();
  }
}
