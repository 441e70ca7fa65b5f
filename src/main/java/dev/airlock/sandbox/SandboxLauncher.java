package dev.airlock.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    CompletableFuture<Process> started =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return builder.start();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            thread);
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
    thread.shutdownNow();
  }
}
