package dev.airlock.agent;

/** Where a turn stands: the explicit state machine of {@link AgentRun}. */
public enum TurnPhase {
  ASKING_MODEL,
  PROPOSAL,
  AWAITING_APPROVAL,
  EXECUTING,
  OBSERVED,
  REJECTED,
  FORMAT_ERROR,
  DONE_CLAIMED;
}
