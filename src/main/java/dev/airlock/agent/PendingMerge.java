package dev.airlock.agent;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A merge into main waiting for the supervisor, with the evidence to decide on: the diff per table,
 * the audit's check results, where each table's data came from, what the run has cost.
 */
public final class PendingMerge implements PendingDecision {
  private final String id;
  private final int turn;
  private final MergeEvidence evidence;
  private final String sourceCommit;
  private final String targetCommit;
  private final CompletableFuture<MergeVerdict> answer = new CompletableFuture<>();
  private volatile boolean withdrawn;

  PendingMerge(
      String id, int turn, MergeEvidence evidence, String sourceCommit, String targetCommit) {
    this.id = id;
    this.turn = turn;
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.sourceCommit = sourceCommit;
    this.targetCommit = targetCommit;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int turn() {
    return turn;
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
  public synchronized boolean approve() {
    return answer.complete(new MergeVerdict.Approve());
  }

  /** Refuses the merge; {@code reason} goes to the agent, which can fix the data. */
  public synchronized boolean rejectToAgent(String reason) {
    return answer.complete(new MergeVerdict.RejectToAgent(reasonOrDefault(reason)));
  }

  /** Refuses the merge and ends the run (the branch is kept). */
  public synchronized boolean rejectAndEnd(String reason) {
    return answer.complete(new MergeVerdict.RejectAndEnd(reasonOrDefault(reason)));
  }

  /**
   * Nobody can answer ({@code why}: "no terminal", "input closed"): the merge policy refuses on its
   * own account and the run ends.
   */
  public synchronized boolean unanswered(String why) {
    return answer.complete(new MergeVerdict.Unanswered(why));
  }

  @Override
  public boolean withdrawn() {
    return withdrawn;
  }

  @Override
  public CompletableFuture<MergeVerdict> answer() {
    return answer;
  }

  /**
   * Withdraws the question unless it was answered: {@code announce} runs first (under the same lock
   * as the answers), so the withdrawal is on record before anyone waiting sees it.
   */
  synchronized boolean withdraw(String reason, Runnable announce) {
    if (answer.isDone()) {
      return false;
    }
    withdrawn = true;
    announce.run();
    return answer.complete(new MergeVerdict.Withdrawn(reason));
  }

  private static String reasonOrDefault(String reason) {
    return reason == null || reason.isBlank()
        ? "the supervisor declined the merge"
        : reason.strip();
  }
}
