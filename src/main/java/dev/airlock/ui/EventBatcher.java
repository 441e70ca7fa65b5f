package dev.airlock.ui;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Moves a run's events from the session's event thread to the UI thread in batches: at most one
 * hand-off is pending at a time, and everything that arrives meanwhile rides along with it. A
 * stream of tokens or output lines therefore costs one UI task per frame, never one per event. In
 * the console {@code uiThread} is {@code Platform::runLater}; tests pass a plain executor.
 */
public final class EventBatcher implements RunListener {
  private final Executor uiThread;
  private final Consumer<List<RunEvent>> onBatch;
  private List<RunEvent> pending = new ArrayList<>();
  private boolean scheduled;

  public EventBatcher(Executor uiThread, Consumer<List<RunEvent>> onBatch) {
    this.uiThread = uiThread;
    this.onBatch = onBatch;
  }

  @Override
  public void onEvent(RunEvent event) {
    synchronized (this) {
      pending.add(event);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    uiThread.execute(this::flush);
  }

  private void flush() {
    List<RunEvent> batch;
    synchronized (this) {
      batch = pending;
      pending = new ArrayList<>();
      scheduled = false;
    }
    onBatch.accept(List.copyOf(batch));
  }
}
