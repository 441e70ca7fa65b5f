package dev.airlock.ui;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnPhase;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.Usage;

/**
 * One line of the turn timeline: the turn, where it stands in words a supervisor uses, how long it
 * has taken, its tokens and cost, and what became of a merge it asked for. Made from the
 * projection's record and phase of the turn.
 */
public record TurnRow(
    int turn, State state, long durationMs, long tokens, Double costUsd, String merge) {

  /** Where a turn stands, as the timeline shows it. */
  public enum State {
    ASKING_MODEL("asking the model"),
    WAITING_FOR_YOU("waiting for you"),
    RUNNING("running"),
    FAILED("failed"),
    OK("ok"),
    REJECTED("rejected"),
    DONE("done");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The row for {@code record} at {@code phase}; {@code waiting}: a question of it is open. */
  public static TurnRow of(TurnRecord record, TurnPhase phase, boolean waiting) {
    Usage usage = record.response() == null ? null : record.response().usage();
    long tokens = usage == null ? 0 : usage.inputTokens() + usage.outputTokens();
    Double cost = record.response() == null ? null : record.response().costUsd();
    return new TurnRow(
        record.turn(),
        state(record, phase, waiting),
        duration(record),
        tokens,
        cost,
        merge(record));
  }

  /** What became of the turn's merge into main, in a word; null when it asked none. */
  private static String merge(TurnRecord r) {
    if (!r.mergeDecisions().isEmpty()) {
      RunEvent.MergeDecided last = r.mergeDecisions().get(r.mergeDecisions().size() - 1);
      return last.approved() ? "merged" : "merge refused";
    }
    return r.merges().isEmpty() ? null : "merge asked";
  }

  private static State state(TurnRecord r, TurnPhase phase, boolean waiting) {
    if (waiting) {
      return State.WAITING_FOR_YOU;
    }
    if (r.execution() != null) {
      return "OK".equals(r.execution().status()) ? State.OK : State.FAILED;
    }
    if (r.decision() != null && r.decision().verdict() == Decision.Verdict.REJECT) {
      return State.REJECTED;
    }
    if (phase == TurnPhase.DONE_CLAIMED) {
      return State.DONE;
    }
    if (phase == TurnPhase.FORMAT_ERROR) {
      return State.FAILED;
    }
    if (phase == TurnPhase.EXECUTING) {
      return State.RUNNING;
    }
    if (phase == TurnPhase.AWAITING_APPROVAL) {
      return State.WAITING_FOR_YOU;
    }
    return State.ASKING_MODEL;
  }

  private static long duration(TurnRecord r) {
    if (r.events().isEmpty()) {
      return 0;
    }
    RunEvent first = r.events().get(0);
    RunEvent last = r.events().get(r.events().size() - 1);
    return Math.max(0, last.at().toEpochMilli() - first.at().toEpochMilli());
  }
}
