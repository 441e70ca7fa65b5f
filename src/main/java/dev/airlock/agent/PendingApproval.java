package dev.airlock.agent;

import java.util.Objects;

/**
 * Code waiting for the supervisor. The rules of an answer live here, whichever face gives it: an
 * edit that changes nothing is an approval of the code as proposed, and an empty edit is refused
 * (nothing changes; the question stays open).
 */
public final class PendingApproval extends OpenQuestion<Decision> implements PendingDecision {
  private final Proposal proposal;
  private final String by;

  PendingApproval(Proposal proposal, String by) {
    super("approval-" + proposal.turn(), proposal.turn());
    this.proposal = proposal;
    this.by = by;
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
  public boolean approve() {
    return give(new Decision.Approve(by));
  }

  /**
   * Runs {@code code} instead of the proposal. An unchanged edit approves the proposal; a blank one
   * is refused with {@link IllegalArgumentException} and the question stays open.
   */
  public boolean approveEdited(String code) {
    return give(approval(code));
  }

  /**
   * Approves as {@link #approveEdited} does ({@code code} null: as proposed), running {@code first}
   * just before under the lock answers and withdrawals take: both, or neither (false) when the
   * question was already answered or withdrawn. A blank edit is refused before {@code first} runs.
   */
  boolean approveAfter(String code, Runnable first) {
    return giveAfter(code == null ? new Decision.Approve(by) : approval(code), first);
  }

  /** The approval of {@code code}: of the proposal when unchanged; a blank edit is refused. */
  private Decision approval(String code) {
    Objects.requireNonNull(code, "code");
    if (code.equals(proposal.code())) {
      return new Decision.Approve(by);
    }
    if (code.isBlank()) {
      throw new IllegalArgumentException(
          "the edited code is empty: nothing would run. Edit again, approve the code as proposed,"
              + " or reject it with feedback");
    }
    return new Decision.ApproveEdited(by, code);
  }

  /** Refuses the code; {@code feedback} goes to the model, which tries again. */
  public boolean reject(String feedback) {
    return give(new Decision.Reject(by, feedback == null ? "" : feedback.strip()));
  }

  /** Ends the run here. */
  public boolean stop(String reason) {
    return give(new Decision.Stop(by, reason));
  }

  @Override
  Decision withdrawal(String reason) {
    return new Decision.Stop(Decision.WITHDRAWN_BY, reason);
  }
}
