package dev.airlock.agent;

/**
 * The {@code risky} policy: approves code that does nothing risky and hands the rest to a human,
 * who sees why it was flagged ({@link Proposal#risks()}).
 */
public final class RiskyOnly implements Supervisor {
  private final Supervisor human;

  public RiskyOnly(Supervisor human) {
    this.human = human;
  }

  @Override
  public Decision review(Proposal proposal) {
    return proposal.risks().isEmpty() ? new Decision.Approve("policy:risky") : human.review(proposal);
  }

  @Override
  public MergeVerdict reviewMerge(dev.airlock.lakehouse.MergeRequest request, MergeEvidence evidence) {
    return human.reviewMerge(request, evidence);
  }

  @Override
  public String reviewer() {
    return human.reviewer();
  }

  @Override
  public String policy() {
    return "risky";
  }
}
