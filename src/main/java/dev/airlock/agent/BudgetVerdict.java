package dev.airlock.agent;

/** The answer when a run reaches its budget: go on with a new budget, or end the run there. */
public sealed interface BudgetVerdict {

  /** Who answered: "human:alice", "policy:auto", or {@link Decision#WITHDRAWN_BY}. */
  String by();

  /** Go on until {@code budget}, the run's new limits. */
  record Extend(String by, Budget budget) implements BudgetVerdict {}

  /** End the run with status {@link RunStatus#BUDGET}; {@code reason} says why. */
  record Stop(String by, String reason) implements BudgetVerdict {}
}
