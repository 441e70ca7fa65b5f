package dev.airlock.ui.budget;

import dev.airlock.agent.Budget;
import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.BudgetReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the budget dialog shows and reads, without a toolkit: one row per limit the run reached (its
 * name, what was used of it, the suggested new limit as the person edits it) and the parsing of
 * what they typed into a {@link Budget}. The engine ({@code PendingBudget}) still decides whether
 * the new limit is enough.
 */
public final class BudgetForm {

  /** One reached limit: "Tokens", "12,480 of 10,000", "20,000", "tokens". */
  public record Row(String which, String name, String used, String suggested, String unit) {}

  private final BudgetReport report;

  public BudgetForm(BudgetReport report) {
    this.report = report;
  }

  public BudgetReport report() {
    return report;
  }

  /** "Token budget reached", "Token and time budgets reached". */
  public String heading() {
    List<String> names = new ArrayList<>();
    for (String which : report.limits()) {
      names.add(
          switch (which) {
            case BudgetFigures.TOKENS -> "token";
            case BudgetFigures.USD -> "dollar";
            default -> "time";
          });
    }
    String joined = String.join(" and ", names);
    return Character.toUpperCase(joined.charAt(0))
        + joined.substring(1)
        + (names.size() == 1 ? " budget reached" : " budgets reached");
  }

  /** "After turn 3 the run waits before asking the model again. ..." */
  public String explanation() {
    return "After turn "
        + report.turn()
        + " the run waits before asking the model again. Extend the budget to go on, or stop the"
        + " run here (its branch is kept).";
  }

  public List<Row> rows() {
    BudgetFigures used = report.used();
    BudgetFigures limit = BudgetFigures.of(report.budget());
    BudgetFigures suggested = BudgetFigures.of(report.suggested());
    List<Row> rows = new ArrayList<>();
    for (String which : report.limits()) {
      rows.add(
          switch (which) {
            case BudgetFigures.TOKENS ->
                new Row(
                    which,
                    "Tokens",
                    BudgetFigures.tokens(used.tokens())
                        + " of "
                        + BudgetFigures.tokens(limit.tokens()),
                    BudgetFigures.tokens(suggested.tokens()),
                    "tokens");
            case BudgetFigures.USD ->
                new Row(
                    which,
                    "Cost",
                    BudgetFigures.usd(used.usd()) + " of " + BudgetFigures.usd(limit.usd()),
                    BudgetFigures.usd(suggested.usd()).substring(1),
                    "US dollars");
            default ->
                new Row(
                    which,
                    "Time",
                    BudgetFigures.time(used.seconds())
                        + " of "
                        + BudgetFigures.time(limit.seconds()),
                    minutes(suggested.seconds()),
                    "minutes");
          });
    }
    return rows;
  }

  /**
   * The budget with each reached limit set to what was typed for it ({@code typed} in the order of
   * {@link #rows}); {@link IllegalArgumentException} naming the field when one is not a figure.
   */
  public Budget parse(List<String> typed) {
    Budget b = report.budget();
    Long tokens = b.tokens();
    Double usd = b.usd();
    Duration time = b.time();
    List<Row> rows = rows();
    for (int i = 0; i < rows.size(); i++) {
      String text = i < typed.size() && typed.get(i) != null ? typed.get(i).strip() : "";
      String figure = text.replace(",", "").replace("_", "").replace("$", "").strip();
      try {
        switch (rows.get(i).which()) {
          case BudgetFigures.TOKENS -> tokens = Long.parseLong(figure);
          case BudgetFigures.USD -> usd = finite(Double.parseDouble(figure));
          default ->
              time = Duration.ofMillis(Math.round(finite(Double.parseDouble(figure)) * 60_000));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "The new "
                + rows.get(i).name().toLowerCase(Locale.ROOT)
                + " limit '"
                + text
                + "' is not a number of "
                + rows.get(i).unit()
                + ": type e.g. "
                + rows.get(i).suggested());
      }
    }
    return new Budget(tokens, usd, time);
  }

  private static double finite(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new NumberFormatException("not finite");
    }
    return d;
  }

  /** "20" or "7.5" (minutes, as typed back). */
  private static String minutes(Long seconds) {
    if (seconds == null) {
      return "";
    }
    return seconds % 60 == 0
        ? String.valueOf(seconds / 60)
        : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
  }
}
