package dev.airlock.agent;

/**
 * The {@code risky} policy: approves code that does nothing risky and hands the rest to a human,
 * who sees why it was flagged ({@link Proposal#risks()}).
 */
public final class RiskyOnly extends HumanBackedPolicy {
  public RiskyOnly(Supervisor human) {
    super(human);
  }

  @Override
  public Decision review(Proposal proposal) {
    return proposal.risks().isEmpty()
        ? new Decision.Approve("policy:risky")
        : human.review(proposal);
  }

  @Override
  public String policy() {
    return "risky";
  }
}
