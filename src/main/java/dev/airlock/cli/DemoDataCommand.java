package dev.airlock.cli;

import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import dev.airlock.demo.DemoDataSummary;
import dev.airlock.demo.DemoFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock demo-data DIR}: writes the generated DABStep-shaped raw dataset. */
@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description = {
      "Write a generated DABStep-shaped raw dataset (payments and four context tables) to DIR.",
      "One file per table; the same seed always gives the same data."
    })
final class DemoDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Folder to write (created if missing).")
  Path dir;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Payments rows (default: ${DEFAULT-VALUE}, as in DABStep).")
  long rows = DemoDataOptions.DEFAULT_ROWS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = DemoDataOptions.DEFAULT_SEED;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "parquet, csv or json (default: ${DEFAULT-VALUE}).")
  String format = "parquet";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DemoDataOptions options;
    try {
      options = new DemoDataOptions(rows, seed, DemoFormat.parse(format));
    } catch (IllegalArgumentException e) {
      err.println("airlock demo-data: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      print(out, new DemoDataGenerator().generate(dir, options));
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println(
          "airlock demo-data: could not write "
              + dir
              + ": "
              + e.getMessage()
              + " (check that the folder is writable and the disk has space)");
      return ExitCodes.FAILED;
    }
  }

  private static void print(PrintWriter out, DemoDataSummary summary) {
    out.printf(
        Locale.ROOT,
        "Wrote demo data to %s (seed %d, %s):%n",
        summary.dir().toAbsolutePath(),
        summary.options().seed(),
        summary.options().format().extension());
    for (DemoDataSummary.WrittenTable t : summary.tables()) {
      out.printf(
          Locale.ROOT,
          "  %-32s %,10d rows %,14d bytes%n",
          t.file().getFileName(),
          t.rows(),
          t.bytes());
    }
    long rows = summary.table("payments").map(DemoDataSummary.WrittenTable::rows).orElse(0L);
    double seconds = Math.max(summary.elapsedMillis(), 1) / 1000.0;
    out.printf(
        Locale.ROOT,
        "  total %,d bytes in %.2f s (%,.0f payments rows/s)%n",
        summary.totalBytes(),
        seconds,
        rows / seconds);
    out.printf(
        Locale.ROOT,
        "Next: " + CommandName.of("lakehouse create-table payments %s --branch BRANCH%n"),
        summary.table("payments").orElseThrow().file().toAbsolutePath());
    out.flush();
  }
}
