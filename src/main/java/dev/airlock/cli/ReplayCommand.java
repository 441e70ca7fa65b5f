package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.AirlockPaths;
import dev.airlock.transcript.TranscriptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Print a recorded run turn by turn, from its transcript alone.")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN",
      description = "A transcript file (.jsonl) or a run id from `airlock runs`.")
  String run;

  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      description = {"Where transcripts are.", "Default: ~/.local/share/airlock/runs."})
  Path runsDir;

  @Override
  public Integer call() {
    Path file = resolve(run, runsDir == null ? AirlockPaths.standard().runs() : runsDir);
    try {
      SafeTerminal out = SafeTerminal.wrap(System.out);
      out.print(CommandName.render(TurnText.replay(RunHistory.read(file))));
      out.flush();
      return ExitCodes.OK;
    } catch (TranscriptException e) {
      System.err.println("airlock replay: " + CommandName.render(e.getMessage()));
      return ExitCodes.USAGE;
    }
  }

  static Path resolve(String run, Path runsDir) {
    Path direct = Path.of(run);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    return runsDir.resolve(run.endsWith(".jsonl") ? run : run + ".jsonl");
  }
}
