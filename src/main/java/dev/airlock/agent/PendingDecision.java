package dev.airlock.agent;

import java.util.concurrent.CompletableFuture;

/**
 * A question the run waits on: code to approve, a merge into main to review, a budget to extend. A
 * face (the terminal, the console) answers it from any thread through the subtype's methods; the
 * first answer wins and later ones are refused. When the run stops first, the engine withdraws it
 * ({@link #withdrawn()} is then true and a {@link RunEvent.DecisionWithdrawn} follows): a face
 * closes its prompt or dialog then.
 */
public sealed interface PendingDecision permits PendingApproval, PendingMerge, PendingBudget {

  /** Unique within the run, e.g. "approval-3" or "merge-3-1". */
  String id();

  int turn();

  /** True until answered or withdrawn. */
  default boolean isOpen() {
    return !answer().isDone();
  }

  /** True when the run stopped before anyone answered. */
  boolean withdrawn();

  /** Completes when the question is answered or withdrawn. */
  CompletableFuture<?> answer();
}
