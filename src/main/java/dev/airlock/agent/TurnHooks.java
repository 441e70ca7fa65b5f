package dev.airlock.agent;

import dev.airlock.sandbox.ExecutionControl;

/**
 * Lets the composition root attach what happens around a turn: the lakehouse gateway learns which
 * run and turn its calls belong to (and pauses the execution's clock while a merge gate waits for a
 * human), and a done claim can be held back until the run's branch is audited and published.
 */
public interface TurnHooks {
  TurnHooks NONE = new TurnHooks() {};

  default void beforeExecution(int turn, ExecutionControl control) {}

  default void afterExecution(int turn) {}

  /**
   * The agent claims done. Returns null to accept, or what to tell the model when done is not
   * accepted yet (for example: the merge of its branch was refused, with the reason).
   */
  default String onDoneClaimed(int turn) {
    return null;
  }
}
