package dev.airlock.agent;

import dev.airlock.model.ModelException;
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
    INFRASTRUCTURE;

    /** Whose problem a failed model call is: a bad setup, an unreachable model, or the model's. */
    static Failure of(ModelException e) {
      return switch (e.kind()) {
        case CONFIGURATION, REJECTED -> CONFIGURATION;
        case UNAVAILABLE -> INFRASTRUCTURE;
        case EXHAUSTED -> AGENT;
      };
    }
  }
}
