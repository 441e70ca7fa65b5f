package dev.airlock.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints what the sandbox costs: the time until {@code print('x')} shows up through the local
 * sandbox, against a bare {@code python3 -c pass} and a bare {@code python3 -c "print('x')"}.
 * Medians over N runs (first argument, default 20) and their ratios.
 *
 * <p>{@code java -cp target/airlock.jar dev.airlock.sandbox.SandboxBenchmark [runs]}
 */
public final class SandboxBenchmark {
  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    LocalSandboxConfig config = LocalSandboxConfig.defaults();
    String python = config.python().toString();
    Path workspace = Files.createTempDirectory("airlock-bench-");
    try (LocalSandbox sandbox = LocalSandbox.create(config, workspace)) {
      System.out.println("sandbox: " + sandbox.describe() + "; " + runs + " runs each");
      List<Long> sandboxFirst = new ArrayList<>();
      List<Long> sandboxTotal = new ArrayList<>();
      List<Long> barePass = new ArrayList<>();
      List<Long> barePrint = new ArrayList<>();
      for (int i = 0; i < runs + 1; i++) {
        long[] sandboxTimes = sandboxRun(sandbox);
        long pass = bare(python, "pass");
        long print = bare(python, "print('x')");
        if (i == 0) {
          continue; // warm-up: page cache and JIT
        }
        sandboxFirst.add(sandboxTimes[0]);
        sandboxTotal.add(sandboxTimes[1]);
        barePass.add(pass);
        barePrint.add(print);
      }
      double first = median(sandboxFirst);
      double total = median(sandboxTotal);
      double pass = median(barePass);
      double print = median(barePrint);
      System.out.printf("bare python3 -c pass (exit):            %7.1f ms%n", pass);
      System.out.printf("bare python3 -c \"print('x')\" (first out): %5.1f ms%n", print);
      System.out.printf("sandbox print('x') (first output):      %7.1f ms%n", first);
      System.out.printf("sandbox print('x') (execute returned):  %7.1f ms%n", total);
      System.out.printf("ratio sandbox first output / bare pass:   %5.2f%n", first / pass);
      System.out.printf("ratio sandbox first output / bare print:  %5.2f%n", first / print);
    } finally {
      SandboxProbe.deleteQuietly(workspace);
    }
  }

  /** Nanoseconds to the first output chunk and to the end of execute(). */
  private static long[] sandboxRun(Sandbox sandbox) throws SandboxUnavailableException {
    AtomicLong firstOutput = new AtomicLong();
    long start = System.nanoTime();
    ExecutionResult result =
        sandbox.execute(
            ExecutionRequest.of("print('x')"),
            (stream, chunk) -> firstOutput.compareAndSet(0, System.nanoTime()),
            new ExecutionControl());
    long end = System.nanoTime();
    if (!result.status().succeeded()) {
      throw new IllegalStateException("benchmark execution failed: " + result.error());
    }
    return new long[] {firstOutput.get() - start, end - start};
  }

  /** Nanoseconds until the first byte of output, or until exit when there is none. */
  private static long bare(String python, String code) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(python, "-I", "-c", code).start();
    try (InputStream out = process.getInputStream()) {
      int first = out.read();
      long at = System.nanoTime();
      process.waitFor();
      return first >= 0 ? at - start : System.nanoTime() - start;
    }
  }

  private static double median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int n = sorted.size();
    double mid = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return mid / 1_000_000.0;
  }
}
