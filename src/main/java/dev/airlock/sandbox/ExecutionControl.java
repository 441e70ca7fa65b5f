package dev.airlock.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared between the thread that runs an execution and the threads that may stop it or pause its
 * clock. The timeout counts only running time: while a gate waits for a human (a merge into main
 * asked for by the code), the clock is paused. Thread-safe.
 */
public final class ExecutionControl {
  private final List<Runnable> cancelHooks = new ArrayList<>();
  private boolean cancelled;
  private int pauses;
  private long pausedNanos;
  private long pausedSince;

  /** Cancels the execution (now, or as soon as it starts). Idempotent. */
  public void cancel() {
    List<Runnable> hooks;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      hooks = List.copyOf(cancelHooks);
    }
    hooks.forEach(Runnable::run);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Runs {@code hook} on cancel; at once if already cancelled. */
  public void onCancel(Runnable hook) {
    synchronized (this) {
      if (!cancelled) {
        cancelHooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  /** Pauses the timeout clock; pauses nest. */
  public synchronized void pauseClock() {
    if (pauses++ == 0) {
      pausedSince = System.nanoTime();
    }
  }

  public synchronized void resumeClock() {
    if (pauses == 0) {
      return;
    }
    if (--pauses == 0) {
      pausedNanos += System.nanoTime() - pausedSince;
    }
  }

  /** Total nanoseconds the clock has been paused so far, including a pause in progress. */
  public synchronized long pausedNanos() {
    return pauses > 0 ? pausedNanos + (System.nanoTime() - pausedSince) : pausedNanos;
  }

  public synchronized boolean clockPaused() {
    return pauses > 0;
  }
}
