package dev.airlock.agent;

import dev.airlock.lakehouse.MergeRequest;

/**
 * A policy that decides some proposals itself and hands the rest, and every merge it is asked
 * about, to the human behind it.
 */
abstract class HumanBackedPolicy implements Supervisor {
  protected final Supervisor human;

  protected HumanBackedPolicy(Supervisor human) {
    this.human = human;
  }

  @Override
  public MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
    return human.reviewMerge(request, evidence);
  }

  @Override
  public BudgetVerdict reviewBudget(BudgetReport report) {
    return human.reviewBudget(report);
  }

  @Override
  public String reviewer() {
    return human.reviewer();
  }
}
