package dev.airlock.cli;

import dev.airlock.agent.RunOutcome;
import dev.airlock.session.LaunchException;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the data agent under supervision, turn by turn, until it is done.",
      "The model proposes Python, you (or a policy) approve it, it runs in an isolated sandbox"
          + " against the lakehouse, and the model sees the output. Every turn is recorded in a"
          + " transcript (see the replay command)."
    },
    footer = {
      "",
      "Exit codes: 0 the agent finished; 1 the run failed (turn cap, format errors, rejected,"
          + " stopped, budget reached); 2 usage or configuration error; 3 infrastructure unavailable (model, sandbox)."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @Option(
      names = "--json",
      description =
          "Print one JSON object at the end (status, turns, transcript, usage, branch); the live log goes to stderr.")
  boolean json;

  @Override
  public Integer call() {
    PrintStream log = SafeTerminal.wrap(json ? System.err : System.out);
    RunSession session;
    try {
      session = Launcher.standard().open(options.request(), log::println);
    } catch (RunRequest.Invalid e) {
      return RunOptions.refused(e.field(), e.getMessage(), ExitCodes.USAGE);
    } catch (LaunchException e) {
      return RunOptions.refused(
          e.field(),
          e.getMessage(),
          e.kind() == LaunchException.Kind.CONFIGURATION ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE);
    }
    return new TerminalRun(session, log, json).run();
  }

  static int exitCode(RunOutcome outcome) {
    return switch (outcome.failure()) {
      case NONE -> ExitCodes.OK;
      case AGENT -> ExitCodes.FAILED;
      case CONFIGURATION -> ExitCodes.USAGE;
      case INFRASTRUCTURE -> ExitCodes.UNAVAILABLE;
    };
  }
}
