package dev.airlock.agent;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeRequest;

/**
 * The human's seat (or a policy standing in for the human). Called on the run's worker thread; it
 * may block while a person decides.
 */
public interface Supervisor {

  Decision review(Proposal proposal);

  /** The name recorded with each decision ("auto", "ask", "risky"). */
  String policy();

  /**
   * Decides a merge into main (the publish step of Write-Audit-Publish) when the run's merge
   * policy is {@code ask}. A supervisor with nobody behind it refuses, saying why.
   */
  default MergeDecision reviewMerge(MergeRequest request) {
    return MergeDecision.reject("nobody is there to approve merges into main (approval policy "
        + policy() + "): run with --merge ask at a terminal, or --merge auto");
  }

  /** Who decides merges, as recorded ("human:alice", "policy:auto"). */
  default String reviewer() {
    return "policy:" + policy();
  }
}
