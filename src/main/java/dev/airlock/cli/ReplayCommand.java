package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.AirlockPaths;
import dev.airlock.transcript.TranscriptException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin RunsDirOption runs;

  @Override
  public Integer call() {
    Path file = AirlockPaths.transcriptOf(run, runs.resolve());
    try {
      SafeTerminal out = SafeTerminal.wrap(System.out);
      out.print(CommandName.render(ReplayText.replay(RunHistory.read(file))));
      out.flush();
      return ExitCodes.OK;
    } catch (TranscriptException e) {
      System.err.println("airlock replay: " + CommandName.render(e.getMessage()));
      return ExitCodes.USAGE;
    }
  }
}
