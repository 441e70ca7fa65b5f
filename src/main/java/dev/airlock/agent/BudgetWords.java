package dev.airlock.agent;

/** The budget's events in words, one line each, for every face (terminal, console, replay). */
public final class BudgetWords {
  private BudgetWords() {}

  /** "budget reached after turn 3: 12,480 of 10,000 tokens". */
  public static String reached(RunEvent.BudgetReached r) {
    return "budget reached after turn "
        + r.turn()
        + ": "
        + BudgetFigures.describe(r.limits(), r.used(), r.limit());
  }

  /** "human:alice extended the budget to 20,000 tokens" or "human:alice stopped the run: ...". */
  public static String decided(RunEvent.BudgetDecided d) {
    if ("extend".equals(d.verdict())) {
      return d.by()
          + " extended the budget to "
          + (d.limit() == null ? "no limit" : d.limit().describeLimits());
    }
    return d.by()
        + " stopped the run at its budget"
        + (d.reason() == null || d.reason().isBlank() ? "" : ": " + d.reason());
  }

  /** Either budget event in words; null for any other event. */
  public static String of(RunEvent e) {
    if (e instanceof RunEvent.BudgetReached r) {
      return reached(r);
    }
    return e instanceof RunEvent.BudgetDecided d ? decided(d) : null;
  }
}
