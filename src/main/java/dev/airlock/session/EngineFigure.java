package dev.airlock.session;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code airlock bench}'s engine figure: the loop's own cost per turn (parsing, risk scan, diffing,
 * events, the transcript flushed per event; an instant model and sandbox) against the cheapest real
 * execution there is, a bare {@code python3 -c pass}.
 */
public final class EngineFigure implements Figure {
  private static final int RUNS_PER_TRIAL = 10;
  private static final int TURNS_PER_RUN = 8;

  @Override
  public String area() {
    return "engine";
  }

  @Override
  public String name() {
    return "engine overhead per turn, transcript on";
  }

  @Override
  public String baseline() {
    return "bare `python3 -c pass` start";
  }

  @Override
  public double target() {
    return 0.1;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path dir = Files.createDirectories(context.scratch("engine"));
    String python = context.python().toString();
    return new Pair() {
      int trial;

      @Override
      public long ours() {
        long nanos = EngineBenchmark.timeRuns(dir, RUNS_PER_TRIAL, "bench" + trial++);
        return nanos / (RUNS_PER_TRIAL * TURNS_PER_RUN);
      }

      @Override
      public long baseline() throws Exception {
        long start = System.nanoTime();
        new ProcessBuilder(python, "-c", "pass").redirectErrorStream(true).start().waitFor();
        return System.nanoTime() - start;
      }
    };
  }
}
