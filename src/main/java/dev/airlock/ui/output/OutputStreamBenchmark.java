package dev.airlock.ui.output;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.ui.EventBatcher;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Streams sandbox output lines into a real {@link OutputPane} in a shown window, the way a run
 * does: a producer thread emits {@link RunEvent.OutputChunk}s (stdout and stderr, realistic
 * lengths, chunks that end mid-line) through an {@link EventBatcher} onto the FX thread, where each
 * batch is folded into the run's projection and handed to the pane. Measures the lines per second,
 * the longest gap between two pulses (an {@link AnimationTimer} runs throughout: a gap is a stall
 * the user sees) and the longest batch's own work.
 */
final class OutputStreamBenchmark {
  /** What one stream measured. */
  record Figures(
      long linesSent,
      long linesDelivered,
      long linesInPane,
      int batches,
      long elapsedNanos,
      long longestPulseGapNanos,
      long longestGapCpuNanos,
      long longestGapGcNanos,
      ThreadClocks.Account longestGapFx,
      ThreadClocks.Account longestGapRenderer,
      int pulseGaps,
      int slowPulseGaps,
      long longestBatchNanos,
      long longestFrameCpuNanos,
      long gcNanos,
      ThreadClocks.Account fx,
      ThreadClocks.Account renderer) {

    double linesPerSecond() {
      return linesDelivered / (elapsedNanos / 1e9);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%,d lines in %.2f s: %,.0f lines/s; %,d FX batches%n"
              + "  longest FX-thread stall %.1f ms (wall-clock gap between two pulses): in it the FX"
              + " thread ran %.1f ms, GC paused it %.0f ms, %s%n"
              + "  %,d of %,d gaps between pulses over 50 ms; longest batch %.1f ms wall%n"
              + "  longest frame's FX-thread CPU time %.1f ms; GC %.0f ms in all%n"
              + "  over the whole stream: %s",
          linesDelivered,
          elapsedNanos / 1e9,
          linesPerSecond(),
          batches,
          longestPulseGapNanos / 1e6,
          longestGapCpuNanos / 1e6,
          longestGapGcNanos / 1e6,
          waits(longestGapFx, longestGapRenderer),
          slowPulseGaps,
          pulseGaps,
          longestBatchNanos / 1e6,
          longestFrameCpuNanos / 1e6,
          gcNanos / 1e6,
          waits(fx, renderer));
    }

    /** What the scheduler says the FX and renderer threads did, or that it is not known. */
    private static String waits(ThreadClocks.Account fx, ThreadClocks.Account renderer) {
      if (!fx.known()) {
        return "the rest it waited (for a processor or the renderer; this system does not say"
            + " which)";
      }
      return String.format(
          Locale.ROOT,
          "the FX thread waited %.1f ms for a processor (runnable, not running); the renderer ran"
              + " %s and waited %s for a processor",
          fx.queuedNanos() / 1e6,
          renderer.known() ? String.format(Locale.ROOT, "%.1f ms", renderer.cpuNanos() / 1e6) : "?",
          renderer.known()
              ? String.format(Locale.ROOT, "%.1f ms", renderer.queuedNanos() / 1e6)
              : "?");
    }
  }

  private static final int TURN = 1;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private OutputStreamBenchmark() {}

  /**
   * Streams {@code lines} lines into a new pane in a new window and closes it. Call it off the FX
   * thread with the toolkit started; waits at most {@code timeoutSeconds}.
   */
  static Figures stream(int lines, long timeoutSeconds) throws InterruptedException {
    // Made before the clock starts: the program that prints the lines is another process, whose
    // formatting work and garbage are not the console's (the events' hand-over is).
    List<RunEvent> output = new ArrayList<>();
    SampleOutput.produce(TURN, lines, output);
    Bench bench = new Bench();
    Platform.runLater(bench::open);
    bench.opened.await();
    CompletableFuture<Path> fxTask = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            fxTask.complete(Path.of("/proc/thread-self").toRealPath());
          } catch (IOException | RuntimeException e) {
            fxTask.complete(null); // not Linux: the scheduler's figures are unknown
          }
        });
    ThreadClocks clocks = ThreadClocks.start(fxTask.join());
    bench.clocks = clocks;
    Thread.sleep(20); // a first sample of each thread
    ThreadClocks.Account fxBefore = clocks.fx();
    ThreadClocks.Account rendererBefore = clocks.renderer();
    long gcBefore = gcMillis();
    long start = System.nanoTime();
    Thread producer =
        new Thread(
            () -> {
              for (RunEvent e : output) {
                bench.batcher.onEvent(e);
              }
            },
            "bench-output-producer");
    producer.setDaemon(true);
    producer.start();
    if (!bench.finished.await(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "the output pane had not shown " + lines + " lines after " + timeoutSeconds + " s");
    }
    long elapsed = bench.finishedAt - start;
    ThreadClocks.Account fxDuring = clocks.fx().minus(fxBefore);
    ThreadClocks.Account rendererDuring = clocks.renderer().minus(rendererBefore);
    clocks.close();
    CountDownLatch closed = new CountDownLatch(1);
    long[] inPane = new long[1];
    Platform.runLater(
        () -> {
          inPane[0] = bench.pane.log().hiddenLines() + shownLines(bench.pane);
          bench.close();
          closed.countDown();
        });
    closed.await();
    return new Figures(
        lines,
        bench.linesDelivered,
        inPane[0],
        bench.batches,
        elapsed,
        bench.longestGap,
        bench.longestGapCpu,
        bench.longestGapGc,
        bench.longestGapFx,
        bench.longestGapRenderer,
        bench.pulseGaps,
        bench.slowPulseGaps,
        bench.longestBatch,
        bench.longestFrameCpu,
        (gcMillis() - gcBefore) * 1_000_000,
        fxDuring,
        rendererDuring);
  }

  /** Lines the pane shows, without its first line when that counts the hidden ones. */
  private static long shownLines(OutputPane pane) {
    return pane.lines().size() - (pane.log().hiddenLines() > 0 ? 1 : 0);
  }

  /** The FX side: window, pane, projection, batcher and the clocks. FX thread only. */
  private static final class Bench {
    final CountDownLatch opened = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    final RunProjection run = new RunProjection();
    OutputPane pane;
    Stage stage;
    EventBatcher batcher;
    AnimationTimer pulses;
    volatile long finishedAt;
    volatile long linesDelivered;
    volatile int batches;
    volatile long longestGap;
    volatile long longestGapCpu;
    volatile long longestGapGc;
    volatile ThreadClocks.Account longestGapFx = ThreadClocks.Account.UNKNOWN;
    volatile ThreadClocks.Account longestGapRenderer = ThreadClocks.Account.UNKNOWN;
    volatile ThreadClocks clocks;
    private ThreadClocks.Account lastFx = ThreadClocks.Account.UNKNOWN;
    private ThreadClocks.Account lastRenderer = ThreadClocks.Account.UNKNOWN;
    volatile int pulseGaps;
    volatile int slowPulseGaps;
    volatile long longestBatch;
    volatile long longestFrameCpu;
    private long lastPulse;
    private long lastPulseCpu;
    private long lastPulseGc;
    private int settled;
    private boolean sawFinish;

    void open() {
      pane = new OutputPane();
      stage = new Stage();
      stage.setTitle("airlock bench-console: output pane");
      stage.setScene(new Scene(pane, 900, 700));
      stage.show();
      run.applyAll(prologue());
      pane.show(run, TURN);
      Consumer<List<RunEvent>> onBatch = this::onBatch;
      batcher = new EventBatcher(Platform::runLater, onBatch);
      pulses =
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              long cpu = THREADS.getCurrentThreadCpuTime();
              long gc = gcMillis();
              ThreadClocks c = clocks;
              ThreadClocks.Account fx = c == null ? ThreadClocks.Account.UNKNOWN : c.fx();
              ThreadClocks.Account renderer =
                  c == null ? ThreadClocks.Account.UNKNOWN : c.renderer();
              if (++settled == 5) {
                // The window's own first frames (CSS, layout of a new scene) are not the stream's.
                opened.countDown();
              } else if (settled > 5 && finishedAt == 0) {
                long gap = now - lastPulse;
                pulseGaps++;
                if (gap > 50_000_000) {
                  slowPulseGaps++;
                }
                if (gap > longestGap) {
                  longestGap = gap;
                  longestGapCpu = cpu - lastPulseCpu;
                  longestGapGc = (gc - lastPulseGc) * 1_000_000;
                  longestGapFx = fx.minus(lastFx);
                  longestGapRenderer = renderer.minus(lastRenderer);
                }
                longestFrameCpu = Math.max(longestFrameCpu, cpu - lastPulseCpu);
              }
              lastPulse = now;
              lastPulseCpu = cpu;
              lastPulseGc = gc;
              lastFx = fx;
              lastRenderer = renderer;
              finishWhenDrained();
            }
          };
      pulses.start();
    }

    void onBatch(List<RunEvent> batch) {
      long t = System.nanoTime();
      run.applyAll(batch);
      pane.update(run, batch);
      longestBatch = Math.max(longestBatch, System.nanoTime() - t);
      batches++;
      long lines = linesDelivered;
      for (RunEvent e : batch) {
        if (e instanceof RunEvent.OutputChunk c) {
          lines += newlines(c.text());
        } else if (e instanceof RunEvent.ExecutionFinished) {
          sawFinish = true;
        }
      }
      linesDelivered = lines;
      finishWhenDrained();
    }

    /** The stream ends when the pane has taken in its last line (it may spread a batch). */
    void finishWhenDrained() {
      if (sawFinish && finishedAt == 0 && pane.log().drained()) {
        finishedAt = System.nanoTime();
        finished.countDown();
      }
    }

    void close() {
      pulses.stop();
      stage.close();
    }
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private static List<RunEvent> prologue() {
    Instant at = Instant.now();
    return List.of(new RunEvent.ExecutionStarted(TURN, at, "0".repeat(64), "benchmark", 300_000));
  }

  private static long newlines(String text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
