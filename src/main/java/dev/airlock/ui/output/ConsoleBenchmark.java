package dev.airlock.ui.output;

import atlantafx.base.theme.PrimerLight;
import dev.airlock.bench.Ratios;
import dev.airlock.ui.explorer.ExplorerBenchmark;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * {@code airlock bench-console}: (a) 100,000 output lines streamed into the output pane in a shown
 * window, with the lines per second and the longest FX-thread stall; (b) the console window's start
 * against a bare JavaFX window's, each in fresh JVMs. Prints figures; asserts nothing.
 */
public final class ConsoleBenchmark {
  /** A first frame not drawn after this long is a failure of that window, not a figure. */
  static final long START_TIMEOUT_SECONDS = 60;

  private static final long STREAM_TIMEOUT_SECONDS = 600;

  private ConsoleBenchmark() {}

  /** The longest FX-thread stall the output pane may cause while a turn streams. */
  static final long STALL_TARGET_NANOS = 50_000_000;

  /** The console's first frame, against a bare JavaFX window's. */
  static final double START_TARGET = 1.5;

  /** Which parts to run: the output stream, the start times, the data explorer. */
  public enum Part {
    STREAM,
    START,
    EXPLORER
  }

  /**
   * Runs the {@code parts} and prints their figures to {@code out}: {@code streams} streams of
   * {@code lines} lines each, and {@code pairs} pairs of fresh-JVM starts (bare window and console,
   * alternating which goes first); {@code replay} is the recorded run the console opens. Each part
   * ends with a verdict line against its target. Returns 0, or 1 when a part could not be measured.
   *
   * @throws IllegalStateException when there is no display to open a window on
   */
  public static int run(
      int lines, int streams, int pairs, Path replay, Set<Part> parts, PrintStream out)
      throws InterruptedException {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    out.printf(
        Locale.ROOT,
        "machine: %d processors, load average %.1f (load stretches the wall-clock figures)%n",
        os.getAvailableProcessors(),
        os.getSystemLoadAverage());
    if (parts.contains(Part.STREAM) || parts.contains(Part.EXPLORER)) {
      startToolkit();
      try {
        if (parts.contains(Part.STREAM)) {
          streamPart(lines, streams, out);
        }
        if (parts.contains(Part.EXPLORER)) {
          explorerPart(out);
        }
      } finally {
        Platform.exit();
      }
    }
    boolean startMeasured = !parts.contains(Part.START) || startTimes(pairs, replay, out);
    return startMeasured ? 0 : 1;
  }

  private static void streamPart(int lines, int streams, PrintStream out)
      throws InterruptedException {
    out.printf(
        Locale.ROOT,
        "output pane: streaming %,d lines, %d times (after a warm-up of 10,000)%n",
        lines,
        streams);
    OutputStreamBenchmark.stream(10_000, STREAM_TIMEOUT_SECONDS);
    List<Long> stalls = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      OutputStreamBenchmark.Figures figures =
          OutputStreamBenchmark.stream(lines, STREAM_TIMEOUT_SECONDS);
      out.printf(Locale.ROOT, "  stream %d: %s%n", i + 1, figures.describe());
      out.printf(
          Locale.ROOT,
          "  delivered %,d of %,d lines; the pane holds %,d (%,d shown, the rest counted above"
              + " them)%n",
          figures.linesDelivered(),
          figures.linesSent(),
          figures.linesInPane(),
          Math.min(figures.linesInPane(), OutputPane.MAX_LINES));
      stalls.add(figures.longestPulseGapNanos());
    }
    out.println(stallVerdict(stalls));
  }

  /** The data explorer on a 10M-row table, opened three times. */
  private static void explorerPart(PrintStream out) throws InterruptedException {
    try {
      ExplorerBenchmark.run(3, out);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      out.println("explorer: not measured (" + e.getMessage() + ")");
    }
  }

  /** The verdict line of the stream part: median (min-max) of each stream's longest stall. */
  static String stallVerdict(List<Long> stalls) {
    double[] sorted = stalls.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return String.format(
        Locale.ROOT,
        "%-52s %10s (%.1f-%.1f ms, %d streams)  target <= %d ms  %s",
        "output pane: longest FX stall while a turn streams",
        String.format(Locale.ROOT, "%.1f ms", median / 1e6),
        sorted[0] / 1e6,
        sorted[n - 1] / 1e6,
        n,
        STALL_TARGET_NANOS / 1_000_000,
        median <= STALL_TARGET_NANOS ? "met" : "NOT met");
  }

  /** The streaming part alone, for a toolkit already started (the smoke test). */
  static OutputStreamBenchmark.Figures stream(int lines) throws InterruptedException {
    return OutputStreamBenchmark.stream(lines, STREAM_TIMEOUT_SECONDS);
  }

  private static boolean startTimes(int pairs, Path replay, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "window start (JVM start to first frame; %d pairs of fresh JVMs, alternating which goes"
            + " first):%n",
        pairs);
    ClassSharing sharing = ClassSharing.ofLauncher();
    if (sharing.pending()) {
      // The launcher makes its archive at the first console start; a user's later starts use it.
      StringBuilder problem = new StringBuilder();
      sharing =
          StartTimeBenchmark.makeArchive(
              sharing,
              StartTimeBenchmark.console(replay, List.of()),
              START_TIMEOUT_SECONDS,
              problem);
      out.println(
          problem.length() == 0
              ? "  made the launcher's class-data-sharing archive with one console start (not"
                  + " timed), as the first `airlock console` does"
              : "  could not make the class-data-sharing archive: " + problem);
    }
    out.println("  " + sharing.describe());
    List<String> flags = sharing.flags();
    List<String> bare = StartTimeBenchmark.bareWindow(flags);
    List<String> console = StartTimeBenchmark.console(replay, flags);
    List<Long> bareTimes = new ArrayList<>();
    List<Long> consoleTimes = new ArrayList<>();
    List<Long> fullTimes = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      StartTimeBenchmark.Sample b;
      StartTimeBenchmark.Sample c;
      if (i % 2 == 0) {
        b = StartTimeBenchmark.measure(bare, START_TIMEOUT_SECONDS);
        c = StartTimeBenchmark.measure(console, START_TIMEOUT_SECONDS);
      } else {
        c = StartTimeBenchmark.measure(console, START_TIMEOUT_SECONDS);
        b = StartTimeBenchmark.measure(bare, START_TIMEOUT_SECONDS);
      }
      if (!b.ok() || !c.ok()) {
        out.println(
            "  "
                + (b.ok() ? "console" : "bare JavaFX window")
                + ": not available ("
                + (b.ok() ? c.failure() : b.failure())
                + ")");
        return false;
      }
      bareTimes.add(b.firstFrameMs() * 1_000_000);
      consoleTimes.add(c.firstFrameMs() * 1_000_000);
      fullTimes.add(c.completeMs() * 1_000_000);
    }
    out.printf(Locale.ROOT, "  bare JavaFX window, first frame (ms): %s%n", millis(bareTimes));
    out.printf(
        Locale.ROOT,
        "  console (--replay %s), first frame (ms): %s%n",
        replay.getFileName(),
        millis(consoleTimes));
    out.printf(
        Locale.ROOT,
        "  console, first frame of the whole window with the run shown (ms): %s%n",
        millis(fullTimes));
    out.println(
        ratioLine(
            "console first frame / bare JavaFX window",
            Ratios.of(consoleTimes, bareTimes),
            START_TARGET));
    out.println(
        ratioLine("console whole window / bare JavaFX window", Ratios.of(fullTimes, bareTimes), 0));
    return true;
  }

  private static List<Long> millis(List<Long> nanos) {
    return nanos.stream().map(n -> n / 1_000_000).toList();
  }

  /** A ratio's line as {@code airlock bench} prints one; a target of 0: no verdict (a fact). */
  static String ratioLine(String name, Ratios r, double target) {
    return String.format(
        Locale.ROOT,
        "%-52s %10s vs %10s  ratio %5.2fx (%.2f-%.2f, %d pairs)%s",
        name,
        String.format(Locale.ROOT, "%.2f s", r.oursMedianNs() / 1e9),
        String.format(Locale.ROOT, "%.2f s", r.baseMedianNs() / 1e9),
        r.median(),
        r.min(),
        r.max(),
        r.pairs(),
        target > 0
            ? String.format(
                Locale.ROOT, "  target <= %.2fx  %s", target, r.meets(target) ? "met" : "NOT met")
            : "  (no target: for reference)");
  }

  /** Starts JavaFX, or says how to get a display. */
  private static void startToolkit() throws InterruptedException {
    String display = System.getenv("DISPLAY");
    String wayland = System.getenv("WAYLAND_DISPLAY");
    if ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
      throw new IllegalStateException(noDisplay("DISPLAY is not set"));
    }
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (IllegalStateException alreadyRunning) {
      started.countDown();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          noDisplay("JavaFX cannot open DISPLAY=" + display + ": " + e.getMessage()), e);
    }
    started.await();
    Platform.setImplicitExit(false);
    // The console's look: the pane's colours are the theme's looked-up colours.
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  private static String noDisplay(String why) {
    return "it opens windows and needs a display, but "
        + why
        + ". Run it under a virtual display: xvfb-run -a `airlock bench-console`";
  }
}
