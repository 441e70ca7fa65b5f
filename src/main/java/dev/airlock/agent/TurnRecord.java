package dev.airlock.agent;

import java.util.List;

/**
 * Everything recorded about one turn, folded from its events: what the model was sent and answered,
 * what the parser saw, the supervisor's decision, the execution and its data effects. Fields are
 * null when the turn never got that far. {@code events} holds the same persistent events in the
 * order they happened, so a rendering can follow the turn as it unfolded (a lakehouse call before
 * the execution's end, a retry notice before the answer). Immutable: safe to hand to another
 * thread.
 */
public record TurnRecord(
    int turn,
    RunEvent.ModelRequested request,
    RunEvent.ModelResponded response,
    RunEvent.ResponseParsed parsed,
    RunEvent.ApprovalRequested approval,
    RunEvent.Decided decision,
    RunEvent.ExecutionStarted started,
    RunEvent.ExecutionFinished execution,
    List<RunEvent.LakehouseCall> lakehouseCalls,
    List<RunEvent.DataChanged> dataChanges,
    RunEvent.DataEffects dataEffects,
    List<RunEvent.MergeRequested> merges,
    List<RunEvent.MergeDecided> mergeDecisions,
    List<RunEvent.PostMergeChecked> postMergeChecks,
    List<RunEvent.Notice> notices,
    List<RunEvent> events) {

  public TurnRecord {
    lakehouseCalls = List.copyOf(lakehouseCalls);
    dataChanges = List.copyOf(dataChanges);
    merges = List.copyOf(merges);
    mergeDecisions = List.copyOf(mergeDecisions);
    postMergeChecks = List.copyOf(postMergeChecks);
    notices = List.copyOf(notices);
    events = List.copyOf(events);
  }
}
