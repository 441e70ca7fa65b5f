package dev.airlock.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run folded from its events one at a time: {@link #apply} takes each event as it happens and
 * says what it changed. It holds what the transcript keeps (the start, one {@link TurnRecord} per
 * turn, the end) and what only a live screen needs: each turn's phase, the answer streamed so far
 * and the output streamed so far. The live CLI printer, {@code airlock replay} (through {@link
 * RunHistory}) and the console read a run through this one fold, so they cannot disagree about what
 * happened.
 *
 * <p>Feed it from one thread, in the order the events happened. What it hands out (updates, turn
 * records, {@link Live}) is immutable and may be passed to another thread. Events it does not know
 * are ignored ({@link Part#IGNORED}), so a newer engine's events do not break an older view.
 */
public final class RunProjection {

  /** Which part of a turn (or of the run) an event changed. */
  public enum Part {
    STARTED,
    REQUEST,
    RESPONSE_STREAMING,
    RESPONSE,
    PARSED,
    APPROVAL_REQUESTED,
    DECISION,
    EXECUTION_STARTED,
    EXECUTION_OUTPUT,
    EXECUTION_FINISHED,
    LAKEHOUSE_CALL,
    DATA_CHANGED,
    DATA_EFFECTS,
    MERGE_REQUESTED,
    MERGE_DECIDED,
    POST_MERGE_CHECK,
    NOTICE,
    PHASE,
    FINISHED,
    DECISION_PENDING,
    DECISION_WITHDRAWN,
    STREAM_RESTARTED,
    /**
     * The run reached its budget, or the answer to that ({@code BudgetReached}, {@code
     * BudgetDecided}).
     */
    BUDGET,
    POLICY_CHANGED,
    IGNORED
  }

  /**
   * What one event changed: {@code part} of turn {@code turn} (0 for the run itself), the event
   * that changed it, and the turn as it stands after it ({@code record}; null for run-level parts
   * and for a turn that has no persistent event yet).
   */
  public record Update(Part part, int turn, RunEvent event, TurnRecord record) {}

  /**
   * The live-only state of the latest turn: its phase (null before the first), the answer streamed
   * so far (since the turn's request) and the sandbox output streamed so far (since its execution
   * started, stdout and stderr as they arrived).
   */
  public record Live(int turn, TurnPhase phase, String response, String output) {}

  private RunEvent.RunStarted started;
  private RunEvent.RunFinished finished;
  private RunEvent.PolicyChanged lastPolicyChange;
  private final Map<Integer, TurnBuilder> turns = new TreeMap<>();
  private final Map<Integer, TurnPhase> phases = new HashMap<>();
  private int liveTurn;
  private final StringBuilder response = new StringBuilder();
  private final StringBuilder output = new StringBuilder();

  /** Folds {@code event} in and says what it changed. */
  public Update apply(RunEvent event) {
    if (event instanceof RunEvent.RunStarted s) {
      started = s;
      return new Update(Part.STARTED, 0, event, null);
    }
    if (event instanceof RunEvent.RunFinished f) {
      finished = f;
      return new Update(Part.FINISHED, 0, event, null);
    }
    if (event instanceof RunEvent.PolicyChanged c) {
      lastPolicyChange = c;
    }
    Part part = partOf(event);
    int turn = event.turn();
    if (part == Part.IGNORED) {
      return new Update(part, turn, event, snapshot(turn));
    }
    live(event);
    if (turn > 0 && event.persistent()) {
      TurnBuilder b = turns.computeIfAbsent(turn, TurnBuilder::new);
      b.add(event);
      return new Update(part, turn, event, b.snapshot());
    }
    return new Update(part, turn, event, snapshot(turn));
  }

  /** Folds every event of {@code events} in order. */
  public void applyAll(List<? extends RunEvent> events) {
    events.forEach(this::apply);
  }

  public RunEvent.RunStarted started() {
    return started;
  }

  /** The approval policy deciding now: the start's, or the last change's; null before the start. */
  public String approval() {
    if (lastPolicyChange != null) {
      return lastPolicyChange.to();
    }
    return started == null ? null : started.approval();
  }

  /** The run's end record; null while it is going (or if it was killed). */
  public RunEvent.RunFinished finished() {
    return finished;
  }

  /** One record per turn that has a persistent event, in turn order. */
  public List<TurnRecord> turns() {
    List<TurnRecord> records = new ArrayList<>(turns.size());
    turns.values().forEach(b -> records.add(b.snapshot()));
    return List.copyOf(records);
  }

  /** Turn {@code turn} as it stands, or null when nothing persistent happened in it yet. */
  public TurnRecord turn(int turn) {
    return snapshot(turn);
  }

  /** Where turn {@code turn} stands; null before it started. */
  public TurnPhase phase(int turn) {
    return phases.get(turn);
  }

  /** The latest turn's live-only state. */
  public Live live() {
    return new Live(liveTurn, phases.get(liveTurn), response.toString(), output.toString());
  }

  /** The run so far as a history: its writer is alive by definition, and nothing was skipped. */
  public RunHistory history() {
    return new RunHistory(started, turns(), finished, false, List.of(), true);
  }

  private TurnRecord snapshot(int turn) {
    TurnBuilder b = turns.get(turn);
    return b == null ? null : b.snapshot();
  }

  /** Keeps the live-only state: phases (also implied by persistent events) and streamed text. */
  private void live(RunEvent e) {
    int turn = e.turn();
    if (turn > liveTurn) {
      liveTurn = turn;
      response.setLength(0);
      output.setLength(0);
    }
    if (e instanceof RunEvent.PhaseChanged p) {
      phases.put(turn, p.phase());
    } else if (e instanceof RunEvent.ModelRequested) {
      phases.put(turn, TurnPhase.ASKING_MODEL);
      if (turn == liveTurn) {
        response.setLength(0);
        output.setLength(0);
      }
    } else if (e instanceof RunEvent.ModelToken t && turn == liveTurn) {
      response.append(t.text());
    } else if (e instanceof RunEvent.StreamRestarted && turn == liveTurn) {
      response.setLength(0); // the text so far is void: the response starts over
    } else if (e instanceof RunEvent.ResponseParsed p) {
      TurnPhase implied =
          switch (p.kind()) {
            case FORMAT_ERROR -> TurnPhase.FORMAT_ERROR;
            case DONE -> TurnPhase.DONE_CLAIMED;
            case PROPOSAL, PROPOSAL_AND_DONE -> TurnPhase.PROPOSAL;
          };
      phases.put(turn, implied);
    } else if (e instanceof RunEvent.ApprovalRequested) {
      phases.put(turn, TurnPhase.AWAITING_APPROVAL);
    } else if (e instanceof RunEvent.Decided d && d.verdict() == Decision.Verdict.REJECT) {
      phases.put(turn, TurnPhase.REJECTED);
    } else if (e instanceof RunEvent.ExecutionStarted) {
      phases.put(turn, TurnPhase.EXECUTING);
      if (turn == liveTurn) {
        output.setLength(0);
      }
    } else if (e instanceof RunEvent.OutputChunk c && turn == liveTurn) {
      output.append(c.text());
    } else if (e instanceof RunEvent.ExecutionFinished) {
      phases.put(turn, TurnPhase.OBSERVED);
    }
  }

  private static Part partOf(RunEvent e) {
    if (e instanceof RunEvent.ModelRequested) {
      return Part.REQUEST;
    } else if (e instanceof RunEvent.ModelToken) {
      return Part.RESPONSE_STREAMING;
    } else if (e instanceof RunEvent.ModelResponded) {
      return Part.RESPONSE;
    } else if (e instanceof RunEvent.ResponseParsed) {
      return Part.PARSED;
    } else if (e instanceof RunEvent.ApprovalRequested) {
      return Part.APPROVAL_REQUESTED;
    } else if (e instanceof RunEvent.Decided) {
      return Part.DECISION;
    } else if (e instanceof RunEvent.ExecutionStarted) {
      return Part.EXECUTION_STARTED;
    } else if (e instanceof RunEvent.OutputChunk) {
      return Part.EXECUTION_OUTPUT;
    } else if (e instanceof RunEvent.ExecutionFinished) {
      return Part.EXECUTION_FINISHED;
    } else if (e instanceof RunEvent.LakehouseCall) {
      return Part.LAKEHOUSE_CALL;
    } else if (e instanceof RunEvent.DataChanged) {
      return Part.DATA_CHANGED;
    } else if (e instanceof RunEvent.DataEffects) {
      return Part.DATA_EFFECTS;
    } else if (e instanceof RunEvent.MergeRequested) {
      return Part.MERGE_REQUESTED;
    } else if (e instanceof RunEvent.MergeDecided) {
      return Part.MERGE_DECIDED;
    } else if (e instanceof RunEvent.PostMergeChecked) {
      return Part.POST_MERGE_CHECK;
    } else if (e instanceof RunEvent.PhaseChanged) {
      return Part.PHASE;
    } else if (e instanceof RunEvent.Notice) {
      return Part.NOTICE;
    } else if (e instanceof RunEvent.DecisionPending) {
      return Part.DECISION_PENDING;
    } else if (e instanceof RunEvent.DecisionWithdrawn) {
      return Part.DECISION_WITHDRAWN;
    } else if (e instanceof RunEvent.StreamRestarted) {
      return Part.STREAM_RESTARTED;
    } else if (e instanceof RunEvent.BudgetReached || e instanceof RunEvent.BudgetDecided) {
      return Part.BUDGET;
    } else if (e instanceof RunEvent.PolicyChanged) {
      return Part.POLICY_CHANGED;
    } else {
      // Events this fold does not know yet (a newer engine's): nothing to show, nothing to keep.
      return Part.IGNORED;
    }
  }

  /** One turn's persistent events so far; its snapshot is rebuilt only after a change. */
  private static final class TurnBuilder {
    private final int turn;
    private RunEvent.ModelRequested request;
    private RunEvent.ModelResponded response;
    private RunEvent.ResponseParsed parsed;
    private RunEvent.ApprovalRequested approval;
    private RunEvent.Decided decision;
    private RunEvent.ExecutionStarted started;
    private RunEvent.ExecutionFinished execution;
    private final List<RunEvent.LakehouseCall> calls = new ArrayList<>();
    private final List<RunEvent.DataChanged> changes = new ArrayList<>();
    private RunEvent.DataEffects effects;
    private final List<RunEvent.MergeRequested> merges = new ArrayList<>();
    private final List<RunEvent.MergeDecided> mergeDecisions = new ArrayList<>();
    private final List<RunEvent.PostMergeChecked> postMerge = new ArrayList<>();
    private final List<RunEvent.Notice> notices = new ArrayList<>();
    private final List<RunEvent> events = new ArrayList<>();
    private TurnRecord snapshot;

    TurnBuilder(int turn) {
      this.turn = turn;
    }

    void add(RunEvent e) {
      if (e instanceof RunEvent.ModelRequested r) {
        request = r;
      } else if (e instanceof RunEvent.ModelResponded r) {
        response = r;
      } else if (e instanceof RunEvent.ResponseParsed p) {
        parsed = p;
      } else if (e instanceof RunEvent.ApprovalRequested a) {
        approval = a;
      } else if (e instanceof RunEvent.Decided d) {
        decision = d;
      } else if (e instanceof RunEvent.ExecutionStarted s) {
        started = s;
      } else if (e instanceof RunEvent.ExecutionFinished f) {
        execution = f;
      } else if (e instanceof RunEvent.LakehouseCall c) {
        calls.add(c);
      } else if (e instanceof RunEvent.DataChanged d) {
        changes.add(d);
      } else if (e instanceof RunEvent.DataEffects d) {
        effects = d;
      } else if (e instanceof RunEvent.MergeRequested m) {
        merges.add(m);
      } else if (e instanceof RunEvent.MergeDecided m) {
        mergeDecisions.add(m);
      } else if (e instanceof RunEvent.PostMergeChecked p) {
        postMerge.add(p);
      } else if (e instanceof RunEvent.Notice n) {
        notices.add(n);
      }
      events.add(e);
      snapshot = null;
    }

    TurnRecord snapshot() {
      if (snapshot == null) {
        snapshot =
            new TurnRecord(
                turn,
                request,
                response,
                parsed,
                approval,
                decision,
                started,
                execution,
                calls,
                changes,
                effects,
                merges,
                mergeDecisions,
                postMerge,
                notices,
                events);
      }
      return snapshot;
    }
  }
}
