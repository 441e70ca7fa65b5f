package dev.airlock.agent;

/**
 * The human's seat (or a policy standing in for the human). Called on the run's worker thread; it
 * may block while a person decides.
 */
public interface Supervisor {

  Decision review(Proposal proposal);

  /** The name recorded with each decision ("auto", "ask", "risky"). */
  String policy();
}
