package dev.airlock.ui.runs;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.RunSummary;
import dev.airlock.transcript.TranscriptException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opening recorded runs in the console: the runs browser, then the chosen transcript read in the
 * background and handed to the window as a recorded run; a run the window already shows is selected
 * instead of opened twice. Remembers where each opened run's transcript is (a fork reads it from
 * there).
 */
public final class Replays {
  /** What the window offers the runs browser. */
  public interface Console {
    /** Run id -> "live" (running in this console) or "open" (shown, ended or recorded). */
    Map<String, String> openRuns();

    void select(String runId);

    void openReplay(String name, RunHistory history);

    void say(String message);
  }

  private final Stage owner;
  private final Executor background;
  private final Supplier<Path> runsDir;
  private final Console console;
  private final Map<String, Path> transcripts = new HashMap<>();
  private final Set<String> reading = new HashSet<>();
  private RunsBrowser browser;

  public Replays(Stage owner, Executor background, Supplier<Path> runsDir, Console console) {
    this.owner = owner;
    this.background = background;
    this.runsDir = runsDir;
    this.console = console;
  }

  /** File > Open recorded run (Ctrl+O). */
  public void browse() {
    Map<String, String> open = console.openRuns();
    browser =
        new RunsBrowser(
            owner, owner.getScene(), runsDir.get(), open::get, summary -> open(summary));
    browser.show(background);
  }

  /** The browser last shown, or null (for tests and screenshots). */
  public RunsBrowser browser() {
    return browser;
  }

  /** {@code runId}'s transcript when it was opened from a file, else null. */
  public Path transcriptOf(String runId) {
    return transcripts.get(runId);
  }

  /** The folder of {@code runId}'s transcript when it was opened from a file, else null. */
  public Path folderOf(String runId) {
    Path file = transcripts.get(runId);
    return file == null ? null : file.toAbsolutePath().getParent();
  }

  private void open(RunSummary summary) {
    String id = summary.runId();
    if (console.openRuns().containsKey(id)) {
      console.select(id);
      return;
    }
    if (summary.problem() != null) {
      console.say("Cannot open " + summary.file().getFileName() + ": " + summary.problem());
      return;
    }
    if (!reading.add(id)) {
      return; // already on its way
    }
    console.say("Reading run " + id + "…");
    Path file = summary.file();
    background.execute(
        () -> {
          try {
            RunHistory history = RunHistory.read(file);
            Platform.runLater(
                () -> {
                  reading.remove(id);
                  transcripts.put(history.started().runId(), file);
                  if (console.openRuns().containsKey(history.started().runId())) {
                    console.select(history.started().runId());
                  } else {
                    console.openReplay(id, history);
                    console.say("Opened run " + id + " (recorded)");
                  }
                });
          } catch (TranscriptException | RuntimeException e) {
            Platform.runLater(
                () -> {
                  reading.remove(id);
                  console.say("Cannot open " + file + ": " + e.getMessage());
                });
          }
        });
  }
}
