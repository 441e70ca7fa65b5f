package dev.airlock.agent;

import java.time.Duration;
import java.util.Map;

/**
 * The knobs of one run. {@code maxFormatErrors} in a row fail the run; {@code outputBudget} is how
 * many characters of each output stream the model sees; {@code budget} is what the run may spend
 * before it asks to go on.
 */
public record RunConfig(
    String runId,
    int maxTurns,
    int maxFormatErrors,
    Duration execTimeout,
    int outputBudget,
    Map<String, String> sandboxEnvironment,
    Budget budget) {

  public static final int DEFAULT_MAX_TURNS = 8;
  public static final int DEFAULT_OUTPUT_BUDGET = 8_000;

  public RunConfig {
    if (maxTurns < 1) {
      throw new IllegalArgumentException("the turn cap must be at least 1, not " + maxTurns);
    }
    if (maxFormatErrors < 1) {
      throw new IllegalArgumentException("maxFormatErrors must be at least 1");
    }
    if (execTimeout == null || execTimeout.isNegative() || execTimeout.isZero()) {
      throw new IllegalArgumentException("the execution timeout must be a positive duration");
    }
    sandboxEnvironment = Map.copyOf(sandboxEnvironment == null ? Map.of() : sandboxEnvironment);
    budget = budget == null ? Budget.NONE : budget;
  }

  /** A run with no budget. */
  public RunConfig(
      String runId,
      int maxTurns,
      int maxFormatErrors,
      Duration execTimeout,
      int outputBudget,
      Map<String, String> sandboxEnvironment) {
    this(
        runId,
        maxTurns,
        maxFormatErrors,
        execTimeout,
        outputBudget,
        sandboxEnvironment,
        Budget.NONE);
  }

  public static RunConfig defaults(String runId) {
    return new RunConfig(
        runId, DEFAULT_MAX_TURNS, 2, Duration.ofSeconds(300), DEFAULT_OUTPUT_BUDGET, Map.of());
  }

  public RunConfig withMaxTurns(int turns) {
    return new RunConfig(
        runId, turns, maxFormatErrors, execTimeout, outputBudget, sandboxEnvironment, budget);
  }

  public RunConfig withExecTimeout(Duration timeout) {
    return new RunConfig(
        runId, maxTurns, maxFormatErrors, timeout, outputBudget, sandboxEnvironment, budget);
  }

  public RunConfig withSandboxEnvironment(Map<String, String> environment) {
    return new RunConfig(
        runId, maxTurns, maxFormatErrors, execTimeout, outputBudget, environment, budget);
  }

  public RunConfig withBudget(Budget limits) {
    return new RunConfig(
        runId, maxTurns, maxFormatErrors, execTimeout, outputBudget, sandboxEnvironment, limits);
  }
}
