package dev.airlock.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amounts of each budgeted thing, as the transcript records them: tokens, US dollars and seconds
 * (each null when not counted or not limited). The same record says what a run used and what it may
 * use, and words both for every face ("12,480 of 10,000 tokens").
 */
public record BudgetFigures(Long tokens, Double usd, Long seconds) {

  /** The limit called tokens (input and output together). */
  public static final String TOKENS = "tokens";

  /** The limit called usd (US dollars, from the model's price). */
  public static final String USD = "usd";

  /** The limit called time (wall-clock time since the run started). */
  public static final String TIME = "time";

  /** The limits of {@code budget} as figures. */
  public static BudgetFigures of(Budget budget) {
    return new BudgetFigures(
        budget.tokens(), budget.usd(), budget.time() == null ? null : budget.time().toSeconds());
  }

  /** These figures as a budget (null figures are no limit). */
  public Budget toBudget() {
    return new Budget(tokens, usd, seconds == null ? null : Duration.ofSeconds(seconds));
  }

  /**
   * "12,480 of 10,000 tokens, $0.52 of $0.50": each of {@code limits} (TOKENS, USD, TIME) as used
   * of its limit.
   */
  public static String describe(List<String> limits, BudgetFigures used, BudgetFigures limit) {
    List<String> parts = new ArrayList<>();
    for (String which : limits) {
      switch (which) {
        case TOKENS ->
            parts.add(tokens(used.tokens()) + " of " + tokens(limit.tokens()) + " tokens");
        case USD -> parts.add(usd(used.usd()) + " of " + usd(limit.usd()));
        case TIME -> parts.add(time(used.seconds()) + " of " + time(limit.seconds()));
        default -> parts.add(which);
      }
    }
    return String.join(", ", parts);
  }

  /** "10,000 tokens, $0.50, 15 min": every limit that is set; "no limit" when none is. */
  public String describeLimits() {
    List<String> parts = new ArrayList<>();
    if (tokens != null) {
      parts.add(tokens(tokens) + " tokens");
    }
    if (usd != null) {
      parts.add(usd(usd));
    }
    if (seconds != null) {
      parts.add(time(seconds));
    }
    return parts.isEmpty() ? "no limit" : String.join(", ", parts);
  }

  /** "12,480". */
  public static String tokens(Long count) {
    return count == null ? "?" : String.format(Locale.ROOT, "%,d", count);
  }

  /** "$0.52", "$0.0031" (small amounts keep four places so they do not read as zero). */
  public static String usd(Double amount) {
    if (amount == null) {
      return "$?";
    }
    return String.format(Locale.ROOT, amount != 0 && amount < 0.1 ? "$%.4f" : "$%.2f", amount);
  }

  /** "45 s", "12 min", "12 min 5 s". */
  public static String time(Long seconds) {
    if (seconds == null) {
      return "?";
    }
    if (seconds < 60) {
      return seconds + " s";
    }
    long s = seconds % 60;
    return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
  }
}
