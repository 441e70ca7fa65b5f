package dev.airlock.ui;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import java.util.List;

/**
 * One of the panes that show the selected turn (reasoning, code, output). The window owns the run's
 * projection and calls these on the FX thread only: {@link #show} when the selection changes,
 * {@link #update} once per pulse with the events that arrived since (already folded into {@code
 * run}). A pane must do no I/O and nothing slow here; work that can be heavy (highlighting) goes to
 * a background executor and comes back with {@code Platform.runLater}.
 */
public interface TurnView {

  /** Shows {@code turn} of {@code run} from scratch; {@code turn} 0 means no turn yet. */
  void show(RunProjection run, int turn);

  /** Folds in a batch; events of other turns than the shown one are ignored. */
  void update(RunProjection run, List<RunEvent> batch);
}
