package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.transcript.TranscriptException;
import dev.airlock.ui.ConsoleApp;
import dev.airlock.ui.ConsoleStart;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
    if (replay != null) {
      Path file = AirlockPaths.transcriptOf(replay, options.runs.resolve());
      try {
        start = ConsoleStart.replay(launcher, replay, RunHistory.read(file));
      } catch (TranscriptException e) {
        System.err.println("airlock console: " + CommandName.render(e.getMessage()));
        return ExitCodes.USAGE;
      }
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
    return ExitCodes.OK;
  }
}
