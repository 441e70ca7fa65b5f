package dev.airlock.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starts every sandbox process from one long-lived thread. bubblewrap's {@code --die-with-parent}
 * uses PR_SET_PDEATHSIG, which fires when the <em>thread</em> that forked it ends: a process
 * started from a short-lived or pooled thread is SIGKILLed when that thread goes away (verified on
 * this machine with OpenJDK 17). Closing the launcher ends its thread, which kills every sandbox it
 * started that is still running.
 */
public final class SandboxLauncher implements AutoCloseable {
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, "airlock-sandbox-launcher");
            t.setDaemon(true);
            return t;
          });

  /** Starts {@code builder} on the launcher thread and returns the running process. */
  public Process start(ProcessBuilder builder) throws IOException {
    return await(startLater(builder), builder);
  }

  /**
   * Queues the start of {@code builder} on the launcher thread and returns at once (a spare sandbox
   * is started this way, off the caller's path). The future fails with an {@link
   * UncheckedIOException} when the process cannot start, or with a {@link
   * RejectedExecutionException} once the launcher is closed.
   */
  CompletableFuture<Process> startLater(ProcessBuilder builder) {
    Start start = new Start(builder);
    try {
      thread.execute(start);
    } catch (RejectedExecutionException e) {
      start.started.completeExceptionally(e);
    }
    return start.started;
  }

  /** One queued start; a start the closing launcher never ran fails instead of hanging. */
  private static final class Start implements Runnable {
    private final ProcessBuilder builder;
    private final CompletableFuture<Process> started = new CompletableFuture<>();

    Start(ProcessBuilder builder) {
      this.builder = builder;
    }

    @Override
    public void run() {
      try {
        started.complete(builder.start());
      } catch (IOException e) {
        started.completeExceptionally(new UncheckedIOException(e));
      } catch (RuntimeException | Error e) {
        // An Error too: a start that never completes would hang the execution waiting for it. Not
        // rethrown: a new launcher thread would orphan (PDEATHSIG) every sandbox this one started.
        started.completeExceptionally(e);
      }
    }
  }

  /** Waits for a queued start, never giving up on it (the process must not be orphaned). */
  static Process await(CompletableFuture<Process> started, ProcessBuilder builder)
      throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return started.get();
        } catch (InterruptedException e) {
          // The start is already under way; wait for it so the process is never orphaned.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("cannot start " + builder.command().get(0), cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    for (Runnable never : thread.shutdownNow()) {
      if (never instanceof Start start) {
        start.started.completeExceptionally(
            new RejectedExecutionException("the sandbox launcher is closed"));
      }
    }
  }
}
