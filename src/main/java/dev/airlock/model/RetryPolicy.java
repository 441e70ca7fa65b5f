package dev.airlock.model;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often to ask again after a transient failure (429, 5xx, timeouts, refused connections), and
 * how long to wait: {@code initialDelay * 2^(n-1)}, capped at {@code maxDelay}, plus up to {@code
 * jitter} of that at random so many clients do not retry in step.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {

  /** 4 attempts waiting about 1 s, 2 s, 4 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.25);

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** Only one attempt. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, jitter);
  }

  /** The wait before attempt {@code attempt} (2 is the first retry). */
  public Duration delayBefore(int attempt, RandomGenerator random) {
    if (attempt <= 1) {
      return Duration.ZERO;
    }
    long base = initialDelay.toMillis();
    long exponential = base << Math.min(attempt - 2, 30);
    long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxDelay.toMillis());
    long extra = jitter == 0 || capped == 0 ? 0 : (long) (capped * jitter * random.nextDouble());
    return Duration.ofMillis(capped + extra);
  }
}
