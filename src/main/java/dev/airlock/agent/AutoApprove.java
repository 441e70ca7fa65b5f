package dev.airlock.agent;

/** The {@code auto} policy: approves every proposal as proposed (unattended runs, demos, tests). */
public final class AutoApprove implements Supervisor {
  @Override
  public Decision review(Proposal proposal) {
    return new Decision.Approve("policy:auto");
  }

  @Override
  public String policy() {
    return "auto";
  }
}
