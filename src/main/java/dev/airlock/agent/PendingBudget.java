package dev.airlock.agent;

import java.util.Objects;

/**
 * A run that reached its budget, waiting for the person to extend it or stop. The rule of an
 * extension lives here, whichever face gives it: every limit that was reached must be raised above
 * what the run already used (or removed), else the extension is refused with {@link
 * IllegalArgumentException} and the question stays open.
 */
public final class PendingBudget extends OpenQuestion<BudgetVerdict> implements PendingDecision {
  private final BudgetReport report;
  private final String by;

  PendingBudget(String id, BudgetReport report, String by) {
    super(id, report.turn());
    this.report = Objects.requireNonNull(report, "report");
    this.by = by;
  }

  /** Which limits were reached, what was used, the budget and the suggested extension. */
  public BudgetReport report() {
    return report;
  }

  /** Who answers ("human:alice"), as recorded with the answer. */
  public String by() {
    return by;
  }

  /**
   * Goes on until {@code budget}. Refused (the question stays open) when a limit that was reached
   * is not raised above what was used.
   */
  public boolean extend(Budget budget) {
    Objects.requireNonNull(budget, "budget");
    BudgetFigures used = report.used();
    for (String which : report.limits()) {
      switch (which) {
        case BudgetFigures.TOKENS -> {
          if (budget.tokens() != null && budget.tokens() <= used.tokens()) {
            throw tooLow(BudgetFigures.tokens(budget.tokens()) + " tokens", "tokens");
          }
        }
        case BudgetFigures.USD -> {
          if (budget.usd() != null && budget.usd() <= used.usd()) {
            throw tooLow(BudgetFigures.usd(budget.usd()), "dollars");
          }
        }
        case BudgetFigures.TIME -> {
          if (budget.time() != null && budget.time().toSeconds() <= used.seconds()) {
            throw tooLow(BudgetFigures.time(budget.time().toSeconds()), "time");
          }
        }
        default -> {}
      }
    }
    return give(new BudgetVerdict.Extend(by, budget));
  }

  /** Ends the run with status {@link RunStatus#BUDGET}. */
  public boolean stop(String reason) {
    return give(new BudgetVerdict.Stop(by, reason == null ? "stopped by " + by : reason));
  }

  private IllegalArgumentException tooLow(String offered, String what) {
    return new IllegalArgumentException(
        "the new limit "
            + offered
            + " is not above what the run already used ("
            + report.describe()
            + "): give more "
            + what
            + ", or stop the run");
  }

  @Override
  BudgetVerdict withdrawal(String reason) {
    return new BudgetVerdict.Stop(Decision.WITHDRAWN_BY, reason);
  }
}
