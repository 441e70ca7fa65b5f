package dev.airlock.agent;

/** How a run stands or ended. */
public enum RunStatus {
  RUNNING,
  /** The agent claimed done after seeing its last output. */
  DONE,
  /** Turn cap, repeated format errors, a rejection that ended the run, a machinery failure. */
  FAILED,
  /** The supervisor stopped it. */
  STOPPED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
