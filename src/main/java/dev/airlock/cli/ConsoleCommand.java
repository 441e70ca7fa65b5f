package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.transcript.TranscriptException;
import dev.airlock.ui.ConsoleApp;
import dev.airlock.ui.ConsoleStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Open the supervision console (a window) and start a run in it at once, with the options"
          + " of `airlock run` and the same defaults: without options, the demo model on the"
          + " generated demo data, in the local sandbox and the embedded lakehouse.",
      "With --replay, open a recorded run instead (read-only).",
      "Keys: Ctrl+Enter approve, Ctrl+E edit, Ctrl+R reject with feedback, Ctrl+. stop,"
          + " Alt+Left/Right previous/next turn, F1 all keys."
    })
final class ConsoleCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @Option(
      names = "--replay",
      paramLabel = "RUN",
      description =
          "Open a recorded run: a transcript file (.jsonl) or a run id from `airlock runs`.")
  String replay;

  @Override
  public Integer call() {
    Launcher launcher = Launcher.standard();
    ConsoleStart start;
    CompletableFuture<RunHistory> history = null;
    if (replay != null) {
      Path file = AirlockPaths.transcriptOf(replay, options.runs.resolve());
      if (!Files.isRegularFile(file)) {
        try {
          RunHistory.read(file); // says there is no such run, before any window opens
        } catch (TranscriptException e) {
          return refused(e);
        }
      }
      // Read while the window opens (parsing a transcript is most of a second at a cold start).
      history = read(file);
      start = ConsoleStart.replay(launcher, replay, history);
    } else {
      try {
        start = ConsoleStart.live(launcher, options.request());
      } catch (RunRequest.Invalid e) {
        return RunOptions.refused("console", e.field(), e.getMessage(), ExitCodes.USAGE);
      }
    }
    // A wrong option is named first: it is wrong wherever the console runs.
    if (!Display.available()) {
      System.err.println(
          "airlock console: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not"
              + " set): run it in a desktop session, or under `xvfb-run -a`; `airlock run` is the"
              + " same run in the terminal");
      return ExitCodes.UNAVAILABLE;
    }
    ConsoleApp.run(start);
    if (history != null && history.isCompletedExceptionally()) {
      Throwable failure = history.handle((h, e) -> e).join();
      if (failure instanceof TranscriptException e) {
        return refused(e);
      }
      throw new IllegalStateException("cannot read " + replay, failure);
    }
    return ExitCodes.OK;
  }

  /** Reads the transcript on a thread of its own; it completes exceptionally when unreadable. */
  private static CompletableFuture<RunHistory> read(Path file) {
    CompletableFuture<RunHistory> history = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                history.complete(RunHistory.read(file));
              } catch (TranscriptException | RuntimeException e) {
                history.completeExceptionally(e);
              }
            },
            "airlock-console-replay");
    reader.setDaemon(true);
    reader.start();
    return history;
  }

  private static int refused(TranscriptException e) {
    System.err.println("airlock console: " + CommandName.render(e.getMessage()));
    return ExitCodes.USAGE;
  }
}
