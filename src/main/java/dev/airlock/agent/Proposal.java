package dev.airlock.agent;

import java.util.List;

/** Code the model proposes to run, with its reasoning; what the supervisor reviews. */
public record Proposal(
    String runId,
    int turn,
    String reasoning,
    List<String> packages,
    String code,
    List<Risk> risks) {
  public Proposal {
    packages = List.copyOf(packages);
    risks = List.copyOf(risks);
  }
}
