package dev.airlock.agent;

import dev.airlock.lakehouse.MergeRequest;

/**
 * Decides proposals and merges: a policy, or the human's seat ({@link HumanSeat}) behind one.
 * {@link #review} is called on the run's interruptible wait thread and {@link #reviewMerge} on the
 * thread of whoever asked for the merge (a gateway connection, the publish step); both may block
 * while a person decides, and a stop withdraws the question.
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

  /**
   * Decides whether a run that reached its budget goes on (a new budget) or stops. A supervisor
   * with nobody behind it stops the run: nobody is there to spend more.
   */
  default BudgetVerdict reviewBudget(BudgetReport report) {
    return new BudgetVerdict.Stop(
        "policy:" + policy(), "nobody is there to extend it (approval policy " + policy() + ")");
  }

  /** Who decides merges, as recorded ("human:alice", "policy:auto"). */
  default String reviewer() {
    return "policy:" + policy();
  }
}
