package dev.airlock.agent;

import dev.airlock.model.Usage;

/**
 * How a run ended. {@link Failure} separates the model's mistakes (the run failed) from the
 * machinery's (configuration, infrastructure), so the CLI can choose its exit code.
 */
public record RunOutcome(
    RunStatus status,
    String reason,
    int turns,
    Usage usage,
    Double costUsd,
    String branch,
    String summary,
    Failure failure) {

  public enum Failure {
    NONE,
    /** The agent did not finish: turn cap, format errors, rejection, stop. */
    AGENT,
    /** The user's setup is wrong: bad key, bad model name, unreadable files. */
    CONFIGURATION,
    /** Something Airlock needs is unavailable: model unreachable, no sandbox. */
    INFRASTRUCTURE
  }
}
