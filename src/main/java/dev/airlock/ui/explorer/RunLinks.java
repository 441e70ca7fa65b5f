package dev.airlock.ui.explorer;

import dev.airlock.agent.RunHistory;
import dev.airlock.ui.OffFxThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
    OffFxThread.run(
        background,
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
        (history, error) -> {
          if (error != null) {
            say.accept("Cannot open " + ExplorerText.error(error));
            return;
          }
          show.accept(runId, history);
        });
  }
}
