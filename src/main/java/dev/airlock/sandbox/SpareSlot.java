package dev.airlock.sandbox;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The one process a sandbox starts ahead for its next execution, with the environment it was
 * started with. It is started on the launcher thread (PDEATHSIG), handed out at most once, and
 * killed when it no longer fits, when an execution is cancelled and when the sandbox closes.
 */
final class SpareSlot {
  private final SandboxLauncher launcher;
  private boolean keeping;
  private boolean closed;
  private Spare spare;

  private record Spare(Map<String, String> environment, CompletableFuture<SandboxProcess> process) {

    /** Kills the process, now or as soon as its start completes; completes when it is gone. */
    CompletableFuture<Void> discard() {
      return process.handle(
          (started, failure) -> {
            if (started != null) {
              started.kill();
            }
            return null;
          });
    }
  }

  SpareSlot(SandboxLauncher launcher) {
    this.launcher = launcher;
  }

  /** From now on, {@link #offer} starts spares. */
  synchronized void keep() {
    keeping = true;
  }

  /**
   * Starts a spare for an execution with {@code environment}, unless one is there already; a spare
   * with another environment is killed first.
   */
  void offer(Map<String, String> environment, Supplier<ProcessBuilder> builder) {
    Spare old;
    synchronized (this) {
      if (!keeping || closed) {
        return;
      }
      if (spare != null && spare.environment().equals(environment)) {
        return;
      }
      old = spare;
      Map<String, String> copy = Map.copyOf(environment);
      spare =
          new Spare(
              copy, launcher.startLater(builder.get()).thenApply(p -> new SandboxProcess(p, copy)));
    }
    if (old != null) {
      old.discard();
    }
  }

  /**
   * The spare, if it was started with {@code environment} and still lives; it is no longer the
   * spare. Waits for it if its start is still under way (that is still sooner than a new start).
   */
  SandboxProcess take(Map<String, String> environment) {
    Spare taken;
    synchronized (this) {
      if (spare == null || !spare.environment().equals(environment)) {
        return null;
      }
      taken = spare;
      spare = null;
    }
    try {
      SandboxProcess process = taken.process().get();
      if (process.process().isAlive()) {
        return process;
      }
      process.kill();
    } catch (ExecutionException e) {
      // It could not start; a start now says why.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      taken.discard();
    }
    return null;
  }

  /** Kills the spare, if any (an execution was cancelled: the run is stopping). */
  void discard() {
    Spare old = remove();
    if (old != null) {
      old.discard();
    }
  }

  /** Starts no more spares; the returned future completes when the last one is gone. */
  CompletableFuture<Void> close() {
    Spare last;
    synchronized (this) {
      closed = true;
      last = spare;
      spare = null;
    }
    return last == null ? CompletableFuture.completedFuture(null) : last.discard();
  }

  /** The spare's process once started, or null (test and benchmark hooks). */
  SandboxProcess current() {
    Spare current;
    synchronized (this) {
      current = spare;
    }
    if (current == null) {
      return null;
    }
    try {
      return current.process().get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private synchronized Spare remove() {
    Spare old = spare;
    spare = null;
    return old;
  }
}
