package dev.airlock.agent;

import java.util.List;

/**
 * A run reached its budget before asking the model again: which limits ({@link
 * BudgetFigures#TOKENS}, {@link BudgetFigures#USD}, {@link BudgetFigures#TIME}), what it used, its
 * budget, and the extension a face offers first (each reached limit raised to leave room for one
 * more turn like the average so far, rounded up to a multiple of the limit: 12,480 of 10,000 tokens
 * after turn 3 suggests 20,000).
 *
 * @param turn the last turn that ran (the budget is checked before the next one)
 */
public record BudgetReport(
    int turn, List<String> limits, BudgetFigures used, Budget budget, Budget suggested) {

  public BudgetReport {
    limits = List.copyOf(limits);
  }

  /** "12,480 of 10,000 tokens". */
  public String describe() {
    return BudgetFigures.describe(limits, used, BudgetFigures.of(budget));
  }
}
