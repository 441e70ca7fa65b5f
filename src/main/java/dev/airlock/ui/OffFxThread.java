package dev.airlock.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Work the console does off the FX thread (reading a lakehouse, a transcript, a folder) and the FX
 * thread's turn with its answer: the one way a dialog runs I/O and comes back. The answer's failure
 * arrives as what the work threw, not the future's wrapper, so messages name the real problem.
 */
public final class OffFxThread {
  private OffFxThread() {}

  /**
   * Runs {@code work} on {@code background}; then, on the FX thread, {@code onFx} gets its value
   * (error null) or what it threw (value null).
   */
  public static <T> void run(Executor background, Supplier<T> work, BiConsumer<T, Throwable> onFx) {
    then(CompletableFuture.supplyAsync(work, background), onFx);
  }

  /** When {@code stage} completes, {@code onFx} gets its value or its failure on the FX thread. */
  public static <T> void then(CompletionStage<T> stage, BiConsumer<T, Throwable> onFx) {
    stage.whenComplete(
        (value, error) -> Platform.runLater(() -> onFx.accept(value, unwrapped(error))));
  }

  /** What the work threw, without the wrappers a future puts around it; null for null. */
  public static Throwable unwrapped(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
