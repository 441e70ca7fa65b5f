package dev.airlock.agent;

import java.time.Duration;

/**
 * What a run may spend before it pauses and asks the person to extend or stop: tokens (input and
 * output together), US dollars (needs a price), and wall-clock time. A null limit is no limit.
 *
 * @param tokens the most tokens, or null
 * @param usd the most US dollars, or null
 * @param time the longest the run may take, or null
 */
public record Budget(Long tokens, Double usd, Duration time) {
  /** No limit at all. */
  public static final Budget NONE = new Budget(null, null, null);

  public Budget {
    if (tokens != null && tokens < 1) {
      throw new IllegalArgumentException(
          "the token budget must be at least 1 token, not " + tokens);
    }
    if (usd != null && (usd.isNaN() || usd.isInfinite() || usd <= 0)) {
      throw new IllegalArgumentException(
          "the US dollar budget must be a positive amount such as 0.50, not " + usd);
    }
    if (time != null && (time.isNegative() || time.isZero())) {
      throw new IllegalArgumentException(
          "the time budget must be a positive number of minutes, not " + time.toMinutes());
    }
  }

  /** Whether any limit is set. */
  public boolean limited() {
    return tokens != null || usd != null || time != null;
  }
}
