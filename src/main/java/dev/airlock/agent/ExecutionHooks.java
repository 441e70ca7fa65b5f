package dev.airlock.agent;

import dev.airlock.sandbox.ExecutionControl;

/**
 * Lets the composition root attach per-execution context around each sandbox run: the lakehouse
 * gateway learns which run and turn its calls belong to, and pauses the execution's clock while a
 * merge gate waits for a human.
 */
public interface ExecutionHooks {
  ExecutionHooks NONE = new ExecutionHooks() {};

  default void beforeExecution(int turn, ExecutionControl control) {}

  default void afterExecution(int turn) {}
}
