package dev.airlock.model;

/**
 * A model's price in US dollars per million tokens, as the provider's price list states it. Prices
 * change and differ per provider, so Airlock ships none: the user configures them per model.
 */
public record Pricing(double inputUsdPerMillion, double outputUsdPerMillion) {

  public Pricing {
    if (!(inputUsdPerMillion >= 0) || !(outputUsdPerMillion >= 0)) {
      throw new IllegalArgumentException(
          "prices must be zero or more, got " + inputUsdPerMillion + "/" + outputUsdPerMillion);
    }
  }

  /** Parses "IN/OUT", e.g. "0.88/0.88" or "3/15" (USD per million input / output tokens). */
  public static Pricing parse(String text) throws ModelException {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s*/\\s*");
    try {
      if (parts.length == 2) {
        return new Pricing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the message below, which says what the text should look like
    }
    throw new ModelException(
        ModelException.Kind.CONFIGURATION,
        "The price '"
            + text
            + "' is not IN/OUT in USD per million tokens: write e.g. 3/15 for $3 per million"
            + " input tokens and $15 per million output tokens.");
  }

  public double costUsd(Usage usage) {
    return (usage.inputTokens() * inputUsdPerMillion + usage.outputTokens() * outputUsdPerMillion)
        / 1_000_000.0;
  }
}
