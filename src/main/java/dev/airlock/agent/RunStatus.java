package dev.airlock.agent;

/** How a run stands or ended. */
public enum RunStatus {
  RUNNING,
  /** The agent claimed done after seeing its last output. */
  DONE,
  /** Turn cap, repeated format errors, a rejection that ended the run, a machinery failure. */
  FAILED,
  /** The supervisor stopped it. */
  STOPPED,
  /** It reached its budget (tokens, dollars or time) and nobody extended it. */
  BUDGET,
  /**
   * Never written: its transcript has no end record and no live process is writing it, so the run
   * was killed or crashed.
   */
  INTERRUPTED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
