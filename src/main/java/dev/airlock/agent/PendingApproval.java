package dev.airlock.agent;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Code waiting for the supervisor. The rules of an answer live here, whichever face gives it: an
 * edit that changes nothing is an approval of the code as proposed, and an empty edit is refused
 * (nothing changes; the question stays open).
 */
public final class PendingApproval implements PendingDecision {
  private final Proposal proposal;
  private final String by;
  private final CompletableFuture<Decision> answer = new CompletableFuture<>();
  private volatile boolean withdrawn;

  PendingApproval(Proposal proposal, String by) {
    this.proposal = Objects.requireNonNull(proposal, "proposal");
    this.by = by;
  }

  @Override
  public String id() {
    return "approval-" + proposal.turn();
  }

  @Override
  public int turn() {
    return proposal.turn();
  }

  /** The code, its reasoning and packages, and why it was flagged. */
  public Proposal proposal() {
    return proposal;
  }

  /** Who answers ("human:alice"), as recorded with the decision. */
  public String by() {
    return by;
  }

  /**
   * Runs the code as proposed. Returns false when the question was already answered or withdrawn.
   */
  public synchronized boolean approve() {
    return answer.complete(new Decision.Approve(by));
  }

  /**
   * Runs {@code code} instead of the proposal. An unchanged edit approves the proposal; a blank one
   * is refused with {@link IllegalArgumentException} and the question stays open.
   */
  public synchronized boolean approveEdited(String code) {
    Objects.requireNonNull(code, "code");
    if (code.equals(proposal.code())) {
      return approve();
    }
    if (code.isBlank()) {
      throw new IllegalArgumentException(
          "the edited code is empty: nothing would run. Edit again, approve the code as proposed,"
              + " or reject it with feedback");
    }
    return answer.complete(new Decision.ApproveEdited(by, code));
  }

  /** Refuses the code; {@code feedback} goes to the model, which tries again. */
  public synchronized boolean reject(String feedback) {
    return answer.complete(new Decision.Reject(by, feedback == null ? "" : feedback.strip()));
  }

  /** Ends the run here. */
  public synchronized boolean stop(String reason) {
    return answer.complete(new Decision.Stop(by, reason));
  }

  @Override
  public boolean withdrawn() {
    return withdrawn;
  }

  @Override
  public CompletableFuture<Decision> answer() {
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
    return answer.complete(new Decision.Stop("airlock", reason));
  }
}
