package dev.airlock.cli;

import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.source.DefaultRawSources;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsException;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.VerificationReport;
import dev.airlock.verify.Verifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock verify REF}: the audit of a ref, as text or JSON; exit 0 only if all pass. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Run the audit checks on a ref (branch, tag or name@hash) and print the report."
            + " Exit 0 when every check passes, 1 when any fails or cannot run.")
public final class VerifyCommand implements java.util.concurrent.Callable<Integer> {
  private static final Set<String> BAD_REF =
      Set.of("REF_NOT_FOUND", "INVALID_REF", "BRANCH_NOT_FOUND", "NOT_A_BRANCH_REF");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REF", description = "Branch, tag or name@hash to verify.")
  String ref;

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "Expectations (YAML or JSON), or builtin:demo for the demo dataset."
              + " Without it only the generic checks run.")
  String expect;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = {"Lakehouse folder.", "Default: ~/.local/share/airlock/lakehouse."})
  Path home;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    // Table, column and check names and values come from the agent's code: shown, not obeyed.
    PrintWriter out = SafeTerminal.writer(spec.commandLine().getOut());
    PrintWriter err = SafeTerminal.writer(spec.commandLine().getErr());
    try {
      Expectations expectations;
      try {
        expectations = expect == null ? Expectations.none() : ExpectationsLoader.load(expect);
      } catch (ExpectationsException e) {
        err.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      return verify(expectations, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int verify(Expectations expectations, PrintWriter out, PrintWriter err) {
    Path dir = home != null ? home : AirlockPaths.standard().lakehouse();
    MergeGate noMerges = MergeGate.rejectAll("airlock verify does not merge");
    try (DefaultRawSources raw = new DefaultRawSources();
        LocalLakehouse lake = new LocalLakehouse(dir, noMerges, raw, null)) {
      VerificationReport report =
          new Verifier(lake, new SourceRowCounter(raw)).verify(ref, expectations);
      out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
      return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    } catch (LakehouseException e) {
      err.println("error: " + CommandName.render(e.getMessage()));
      return BAD_REF.contains(e.type()) ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE;
    } catch (RuntimeException e) {
      err.println(
          "error: lakehouse at "
              + dir
              + ": "
              + e.getMessage()
              + " (check the folder exists and is readable, or pass --home DIR)");
      return ExitCodes.UNAVAILABLE;
    }
  }
}
