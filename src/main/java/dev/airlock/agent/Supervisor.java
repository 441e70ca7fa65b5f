package dev.airlock.agent;

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
   * Decides a merge into main (the publish step of Write-Audit-Publish) when the run's merge policy
   * is {@code ask}, seeing the evidence. A supervisor with nobody behind it refuses, saying why,
   * and the run goes on.
   */
  default MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
    return new MergeVerdict.RejectToAgent(
        "nobody is there to approve merges into main (approval policy "
            + policy()
            + "): let a person review merges (merge policy ask), or choose auto-if-green");
  }

  /** Who decides merges, as recorded ("human:alice", "policy:auto"). */
  default String reviewer() {
    return "policy:" + policy();
  }
}
