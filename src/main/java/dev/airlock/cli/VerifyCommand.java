package dev.airlock.cli;

import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.session.Lakehouses;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsException;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.VerificationReport;
import dev.airlock.verify.Verifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class VerifyCommand implements Callable<Integer> {
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

  @Mixin LakehouseHomeOption lakehouseHome;

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
    Path dir = lakehouseHome.resolve();
    try (Lakehouses.Lease lease = Lakehouses.open(dir)) {
      VerificationReport report =
          new Verifier(lease.lakehouse(), new SourceRowCounter(lease.rawSources()))
              .verify(ref, expectations);
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
