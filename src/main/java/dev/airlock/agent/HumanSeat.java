package dev.airlock.agent;

import dev.airlock.lakehouse.MergeRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The human's seat in a run: each question becomes a {@link PendingDecision}, announced to the
 * run's listeners as a {@link RunEvent.DecisionPending}, and the asking thread waits until a face
 * answers it. {@link #withdrawAll} (the run stopped) answers every open question with a stop and
 * refuses new ones, so no wait outlives the run.
 */
public final class HumanSeat implements Supervisor {
  private final String who;
  private final RunListener listener;
  private final Clock clock;
  private final List<PendingDecision> open = new ArrayList<>();
  private final AtomicInteger merges = new AtomicInteger();
  private final AtomicInteger budgets = new AtomicInteger();
  private String closedBecause;

  /**
   * @param who recorded with every answer, e.g. "human:alice"
   * @param listener where the questions are announced (the run's event stream)
   */
  public HumanSeat(String who, RunListener listener, Clock clock) {
    this.who = who;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public Decision review(Proposal proposal) {
    return await(new PendingApproval(proposal, who), "approval");
  }

  @Override
  public MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
    int turn =
        request.context() == null || request.context().turn() == null
            ? 0
            : request.context().turn();
    return await(
        new PendingMerge(
            "merge-" + turn + "-" + merges.incrementAndGet(),
            turn,
            evidence,
            request.source().hash(),
            request.target().hash()),
        "the merge review");
  }

  @Override
  public BudgetVerdict reviewBudget(BudgetReport report) {
    String id = "budget-" + report.turn() + "-" + budgets.incrementAndGet();
    return await(new PendingBudget(id, report, who), "the budget decision");
  }

  /** Announces {@code pending} and waits for its answer (or its withdrawal). */
  private <T, Q extends OpenQuestion<T> & PendingDecision> T await(Q pending, String what) {
    if (!register(pending)) {
      return pending.answer().join();
    }
    try {
      return pending.answer().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      withdraw(pending, "the wait for " + what + " was interrupted");
      return pending.answer().join();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      unregister(pending);
    }
  }

  @Override
  public String policy() {
    return "ask";
  }

  @Override
  public String reviewer() {
    return who;
  }

  /** The questions waiting for an answer now. */
  public synchronized List<PendingDecision> pending() {
    return List.copyOf(open);
  }

  /** Withdraws every open question with {@code reason} and refuses every later one. */
  public void withdrawAll(String reason) {
    List<PendingDecision> now;
    synchronized (this) {
      if (closedBecause == null) {
        closedBecause = reason;
      }
      now = List.copyOf(open);
    }
    now.forEach(p -> withdraw(p, reason));
  }

  /** Announces {@code pending}; false when the seat is closed and it was withdrawn at once. */
  private boolean register(PendingDecision pending) {
    String closed;
    synchronized (this) {
      closed = closedBecause;
      if (closed == null) {
        open.add(pending);
      }
    }
    if (closed != null) {
      withdraw(pending, closed);
      return false;
    }
    listener.onEvent(new RunEvent.DecisionPending(pending.turn(), clock.instant(), pending));
    return true;
  }

  private synchronized void unregister(PendingDecision pending) {
    open.remove(pending);
  }

  private void withdraw(PendingDecision pending, String reason) {
    ((OpenQuestion<?>) pending)
        .withdraw(
            reason,
            () ->
                listener.onEvent(
                    new RunEvent.DecisionWithdrawn(
                        pending.turn(), clock.instant(), pending.id(), kindOf(pending), reason)));
  }

  private static String kindOf(PendingDecision pending) {
    return pending instanceof PendingApproval
        ? "approval"
        : pending instanceof PendingBudget ? "budget" : "merge";
  }
}
