package dev.airlock.cli;

import dev.airlock.agent.Budget;
import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.BudgetReport;
import dev.airlock.agent.PendingBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The budget question at the terminal: "Budget reached: 12,480 of 10,000 tokens (after turn 3).
 * Extend to [20,000] / stop? [e/s]". Enter (or {@code e}) takes the suggested extension, a figure
 * extends the reached limit to it, {@code s} stops the run; end of input stops it too (nobody is
 * there to spend more).
 */
final class TerminalBudget {
  private final SafeTerminal out;
  private final Supplier<String> readLine;

  TerminalBudget(SafeTerminal out, Supplier<String> readLine) {
    this.out = out;
    this.readLine = readLine;
  }

  void ask(PendingBudget pending) {
    BudgetReport report = pending.report();
    out.println();
    while (pending.isOpen()) {
      out.print(
          "Budget reached: "
              + report.describe()
              + " (after turn "
              + report.turn()
              + "). Extend to ["
              + suggestion(report)
              + "] / stop? [e/s]: ");
      out.flush();
      String answer = readLine.get();
      if (answer == null) {
        out.println();
        answered(pending.stop("input closed while waiting for the budget decision"));
        return;
      }
      String a = answer.strip().toLowerCase(Locale.ROOT);
      try {
        switch (a) {
          case "", "e", "extend", "y", "yes" -> answered(pending.extend(report.suggested()));
          case "s", "stop", "q", "quit", "n", "no" ->
              answered(pending.stop("stopped by " + pending.by() + " at the budget prompt"));
          default -> {
            Budget typed = typed(report, a);
            if (typed == null) {
              out.println(
                  "Please answer e (or Enter) to extend, s to stop, or type the new limit"
                      + (report.limits().size() == 1 ? "" : " (one limit at a time: use e or s)"));
            } else {
              answered(pending.extend(typed));
            }
          }
        }
      } catch (IllegalArgumentException e) {
        out.println("Not accepted: " + e.getMessage() + ".");
      }
    }
  }

  /** "20,000", or "20,000 tokens, $1.00" when several limits were reached. */
  static String suggestion(BudgetReport report) {
    BudgetFigures s = BudgetFigures.of(report.suggested());
    if (report.limits().size() == 1) {
      return switch (report.limits().get(0)) {
        case BudgetFigures.TOKENS -> BudgetFigures.tokens(s.tokens());
        case BudgetFigures.USD -> BudgetFigures.usd(s.usd());
        default -> BudgetFigures.time(s.seconds());
      };
    }
    List<String> parts = new ArrayList<>();
    for (String which : report.limits()) {
      parts.add(
          switch (which) {
            case BudgetFigures.TOKENS -> BudgetFigures.tokens(s.tokens()) + " tokens";
            case BudgetFigures.USD -> BudgetFigures.usd(s.usd());
            default -> BudgetFigures.time(s.seconds());
          });
    }
    return String.join(", ", parts);
  }

  /**
   * The budget with the one reached limit set to {@code text} ("30000", "30,000", "$2", "45" or "45
   * min"); null when it is not a figure, or several limits were reached.
   */
  private static Budget typed(BudgetReport report, String text) {
    if (report.limits().size() != 1) {
      return null;
    }
    Budget b = report.budget();
    String figure = text.replace(",", "").replace("_", "").replace("$", "");
    figure = figure.replace("tokens", "").replace("min", "").strip();
    try {
      return switch (report.limits().get(0)) {
        case BudgetFigures.TOKENS -> new Budget(Long.parseLong(figure), b.usd(), b.time());
        case BudgetFigures.USD -> new Budget(b.tokens(), Double.parseDouble(figure), b.time());
        default ->
            new Budget(
                b.tokens(),
                b.usd(),
                Duration.ofMillis(Math.round(Double.parseDouble(figure) * 60_000)));
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void answered(boolean accepted) {
    if (!accepted) {
      out.println("The run stopped before this answer: the question was withdrawn.");
      out.flush();
    }
  }
}
