package dev.airlock.ui.output;

import atlantafx.base.theme.PrimerLight;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /**
   * Runs both parts and prints their figures to {@code out}; {@code replay} is the recorded run the
   * console opens for its start time. Returns 0, or 1 when a part could not be measured.
   *
   * @throws IllegalStateException when there is no display to open a window on
   */
  public static int run(int lines, int runs, Path replay, PrintStream out)
      throws InterruptedException {
    startToolkit();
    try {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      out.printf(
          Locale.ROOT,
          "machine: %d processors, load average %.1f (load stretches the wall-clock figures)%n",
          os.getAvailableProcessors(),
          os.getSystemLoadAverage());
      out.printf(
          Locale.ROOT, "output pane: streaming %,d lines (after a warm-up of 10,000)%n", lines);
      OutputStreamBenchmark.stream(10_000, STREAM_TIMEOUT_SECONDS);
      OutputStreamBenchmark.Figures figures =
          OutputStreamBenchmark.stream(lines, STREAM_TIMEOUT_SECONDS);
      out.println("  " + figures.describe());
      out.printf(
          Locale.ROOT,
          "  delivered %,d of %,d lines; the pane holds %,d (%,d shown, the rest counted above"
              + " them)%n",
          figures.linesDelivered(),
          figures.linesSent(),
          figures.linesInPane(),
          Math.min(figures.linesInPane(), OutputPane.MAX_LINES));
      out.printf(
          Locale.ROOT,
          "  target: no stall over 50 ms -> %s%n",
          figures.longestPulseGapNanos() <= 50_000_000 ? "met" : "NOT met");
    } finally {
      Platform.exit();
    }
    boolean startMeasured = startTimes(runs, replay, out);
    return startMeasured ? 0 : 1;
  }

  /** The streaming part alone, for a toolkit already started (the smoke test). */
  static OutputStreamBenchmark.Figures stream(int lines) throws InterruptedException {
    return OutputStreamBenchmark.stream(lines, STREAM_TIMEOUT_SECONDS);
  }

  private static boolean startTimes(int runs, Path replay, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "window start (JVM start to first frame, median of %d fresh JVMs each):%n",
        runs);
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
    Long bare = median("bare JavaFX window", StartTimeBenchmark.bareWindow(flags), runs, out);
    Long console =
        median(
            "console (--replay " + replay.getFileName() + ")",
            StartTimeBenchmark.console(replay, flags),
            runs,
            out);
    if (bare != null && console != null) {
      double ratio = console / (double) bare;
      out.printf(
          Locale.ROOT,
          "  ratio console / bare: %.2fx (target within 1.5x -> %s)%n",
          ratio,
          ratio <= 1.5 ? "met" : "NOT met");
    }
    return bare != null && console != null;
  }

  /** The median of {@code runs} first frames, or null (and the reason printed) when one failed. */
  private static Long median(String name, List<String> command, int runs, PrintStream out) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      StartTimeBenchmark.Sample s = StartTimeBenchmark.measure(command, START_TIMEOUT_SECONDS);
      if (!s.ok()) {
        out.println("  " + name + ": not available (" + s.failure() + ")");
        return null;
      }
      times.add(s.firstFrameMs());
    }
    List<Long> sorted = new ArrayList<>(times);
    sorted.sort(null);
    long median = sorted.get(sorted.size() / 2);
    out.printf(Locale.ROOT, "  %s: %d ms (runs: %s)%n", name, median, times);
    return median;
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
