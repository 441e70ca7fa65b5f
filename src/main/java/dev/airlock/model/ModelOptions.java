package dev.airlock.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How to ask a model, apart from which one: retries, the price (null: cost is not computed), the
 * time one attempt may take, streaming or one-shot, and generation limits (null: provider default;
 * Anthropic requires a limit, so 4096 is sent when none is set).
 */
public record ModelOptions(
    RetryPolicy retry,
    Pricing pricing,
    Duration attemptTimeout,
    boolean streaming,
    Integer maxTokens,
    Double temperature) {

  public static final ModelOptions DEFAULT =
      new ModelOptions(RetryPolicy.DEFAULT, null, Duration.ofMinutes(5), true, null, null);

  public ModelOptions {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
  }

  public ModelOptions withRetry(RetryPolicy value) {
    return new ModelOptions(value, pricing, attemptTimeout, streaming, maxTokens, temperature);
  }

  public ModelOptions withPricing(Pricing value) {
    return new ModelOptions(retry, value, attemptTimeout, streaming, maxTokens, temperature);
  }

  public ModelOptions withAttemptTimeout(Duration value) {
    return new ModelOptions(retry, pricing, value, streaming, maxTokens, temperature);
  }

  public ModelOptions withStreaming(boolean value) {
    return new ModelOptions(retry, pricing, attemptTimeout, value, maxTokens, temperature);
  }

  public ModelOptions withMaxTokens(Integer value) {
    return new ModelOptions(retry, pricing, attemptTimeout, streaming, value, temperature);
  }

  public ModelOptions withTemperature(Double value) {
    return new ModelOptions(retry, pricing, attemptTimeout, streaming, maxTokens, value);
  }
}
