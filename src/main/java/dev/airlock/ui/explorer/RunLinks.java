package dev.airlock.ui.explorer;

import dev.airlock.agent.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A commit's run opened in the console: its transcript in the runs folder, read in the background
 * (a truncated one up to its last good event), then shown on the FX thread. The run id comes from a
 * commit property: {@link ExplorerText#runOf} lets only a plain id through, never a path.
 */
public final class RunLinks {
  private RunLinks() {}

  /**
   * Reads run {@code runId}'s transcript from {@code runsDir} and hands it to {@code show} (name,
   * history) on the FX thread; a run without a transcript, or one that cannot be read, is said
   * through {@code say}.
   */
  public static void open(
      String runId,
      Path runsDir,
      Executor background,
      BiConsumer<String, RunHistory> show,
      Consumer<String> say) {
    say.accept("Opening run " + ExplorerText.visible(runId, 100) + "…");
    CompletableFuture.supplyAsync(
            () -> {
              Path file = runsDir.resolve(runId + ".jsonl");
              if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(
                    "run "
                        + ExplorerText.visible(runId, 100)
                        + " has no transcript in "
                        + runsDir
                        + " (it ran with another runs folder, or its file was removed)");
              }
              try {
                return RunHistory.read(file);
              } catch (Exception e) {
                throw new IllegalStateException(
                    "run " + ExplorerText.visible(runId, 100) + ": " + e.getMessage(), e);
              }
            },
            background)
        .whenComplete(
            (history, error) ->
                Platform.runLater(
                    () -> {
                      if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        say.accept("Cannot open " + ExplorerText.error(cause));
                        return;
                      }
                      show.accept(runId, history);
                    }));
  }
}
