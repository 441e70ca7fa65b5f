package dev.airlock.cli;

import dev.airlock.session.EngineBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock bench engine}: the loop's own cost per turn (parsing, risk scan, diffing, events,
 * the transcript flushed per event) with an instant model and an instant sandbox, against the
 * cheapest real execution there is, a bare {@code python3 -c pass}, measured in the same run.
 */
@Command(
    name = "bench-engine",
    mixinStandardHelpOptions = true,
    description =
        "Print the engine's overhead per turn (no model, no sandbox) against a bare python3 start.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--runs",
      defaultValue = "300",
      description = "8-turn runs to time (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "The python for the baseline.")
  String python;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("airlock-bench");
    try {
      EngineBenchmark.timeRuns(dir, 30, "warmup");
      double perTurnUs = EngineBenchmark.timeRuns(dir, runs, "bench") / (runs * 8.0) / 1_000.0;
      double pythonUs = barePython(15);
      System.out.printf(
          Locale.ROOT,
          "engine overhead per turn (transcript on): %.1f µs over %d turns%n",
          perTurnUs,
          runs * 8);
      System.out.printf(
          Locale.ROOT, "bare `python3 -c pass` (median of 15):     %.1f µs%n", pythonUs);
      System.out.printf(
          Locale.ROOT, "ratio engine-turn / bare-python-start:     %.4f%n", perTurnUs / pythonUs);
      return ExitCodes.OK;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private double barePython(int samples) throws IOException, InterruptedException {
    long[] times = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      new ProcessBuilder(python, "-c", "pass").redirectErrorStream(true).start().waitFor();
      times[i] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    return times[samples / 2] / 1_000.0;
  }
}
