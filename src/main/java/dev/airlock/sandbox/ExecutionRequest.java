package dev.airlock.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: the exact code (byte for byte what the supervisor approved), the packages the model
 * said it needs (checked for importability, never installed locally), the wall-clock timeout and
 * extra environment variables the user whitelisted.
 */
public record ExecutionRequest(
    String code, List<String> packages, Duration timeout, Map<String, String> environment) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

  public ExecutionRequest {
    Objects.requireNonNull(code, "code");
    packages = List.copyOf(packages == null ? List.of() : packages);
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    environment = Map.copyOf(environment == null ? Map.of() : environment);
  }

  public static ExecutionRequest of(String code) {
    return new ExecutionRequest(code, List.of(), DEFAULT_TIMEOUT, Map.of());
  }
}
