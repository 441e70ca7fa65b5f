package dev.airlock.ui;

import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console shows of one run, without a toolkit: the projection of its events (the same fold
 * the command line and replay use), the turn timeline, the question that waits for the person, and
 * the window title. Fed on the UI thread, batch by batch ({@link EventBatcher}).
 */
public final class RunViewModel {
  private final RunProjection projection = new RunProjection();
  private PendingDecision waiting;

  /** Folds a batch in. */
  public void apply(List<RunEvent> batch) {
    for (RunEvent e : batch) {
      projection.apply(e);
      if (e instanceof RunEvent.DecisionPending p) {
        waiting = p.decision();
      } else if (waiting != null && !waiting.isOpen()) {
        waiting = null;
      }
    }
    if (waiting != null && !waiting.isOpen()) {
      waiting = null;
    }
  }

  public RunProjection projection() {
    return projection;
  }

  /**
   * The open question (code to approve, a merge to review), or null; null as soon as it is
   * answered, before the answer's events arrive.
   */
  public PendingDecision waiting() {
    return waiting != null && waiting.isOpen() ? waiting : null;
  }

  /**
   * The question asked last, open or not (answered or withdrawn since), until the next batch clears
   * it: what the window compares against when a batch says how a question ended.
   */
  public PendingDecision lastAsked() {
    return waiting;
  }

  /** One row per turn, in order. */
  public List<TurnRow> timeline() {
    List<TurnRow> rows = new ArrayList<>();
    for (TurnRecord t : projection.turns()) {
      boolean asks = waiting() != null && waiting.turn() == t.turn();
      rows.add(TurnRow.of(t, projection.phase(t.turn()), asks));
    }
    return rows;
  }

  /** "Airlock — RUN", with "waiting for you" while a question is open (code or merge). */
  public String title() {
    RunEvent.RunStarted started = projection.started();
    StringBuilder title = new StringBuilder("Airlock");
    if (started != null) {
      title.append(" — ").append(shown(started.runId()));
    }
    if (waiting() != null) {
      title
          .append(" — waiting for you (")
          .append(
              waiting instanceof PendingMerge
                  ? "merge into main"
                  : waiting instanceof PendingBudget ? "budget decision" : "code approval")
          .append(")");
    }
    return title.toString();
  }

  /** Longest run id shown in the title and the runs list; a recorded one can be anything. */
  static final int MAX_SHOWN = 64;

  /**
   * {@code text} (a run id from a transcript) as a single line that shows what it holds: hidden
   * characters and line breaks by their code points, shortened to {@link #MAX_SHOWN} characters.
   */
  public static String shown(String text) {
    String visible = RiskDetector.visible(String.valueOf(text));
    return visible.length() <= MAX_SHOWN ? visible : visible.substring(0, MAX_SHOWN - 1) + "…";
  }
}
