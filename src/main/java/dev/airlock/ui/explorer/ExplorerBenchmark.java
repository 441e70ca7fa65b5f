package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.ui.Themes;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;

/**
 * {@code airlock bench-console --only EXPLORER}: the data explorer on a table of ten million rows
 * (written by DuckDB from {@code range()} into a scratch lakehouse): how long until its first page
 * is shown after the table is selected, and the FX thread's longest stall (the longest gap between
 * two pulses, the window animating throughout) while the table opens and the person pages down
 * through several pages. Runs on the command's own thread, never the FX thread; the toolkit is
 * started by the caller.
 */
public final class ExplorerBenchmark {
  /** The rows of the benchmark's table. */
  public static final long ROWS = 10_000_000;

  /** The longest FX-thread stall the explorer may cause. */
  static final long STALL_TARGET_NANOS = 50_000_000;

  private static final int PAGES = 6;
  private static final long TIMEOUT_SECONDS = 300;

  private ExplorerBenchmark() {}

  /** Measures {@code opens} times and prints the figures and verdicts to {@code out}. */
  public static void run(int opens, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("airlock-bench-explorer");
    ExecutorService background = Executors.newFixedThreadPool(2);
    try {
      long made = System.nanoTime();
      Path home = dir.resolve("lakehouse");
      fill(home, dir.resolve("payments.parquet"));
      out.printf(
          Locale.ROOT,
          "explorer: a %,d-row table written into a scratch lakehouse in %.1f s%n",
          ROWS,
          (System.nanoTime() - made) / 1e9);
      List<Long> firsts = new ArrayList<>();
      List<Long> stalls = new ArrayList<>();
      List<Long> busiest = new ArrayList<>();
      for (int i = 0; i < opens; i++) {
        long[] figures = once(home, background);
        out.printf(
            Locale.ROOT,
            "  open %d: first page shown %.1f ms after the table was selected; %d pages, longest"
                + " FX stall %.1f ms (the FX thread ran %.1f ms of it); the FX thread's busiest"
                + " frame ran %.1f ms%n",
            i + 1,
            figures[0] / 1e6,
            PAGES,
            figures[1] / 1e6,
            figures[2] / 1e6,
            figures[3] / 1e6);
        firsts.add(figures[0]);
        stalls.add(figures[1]);
        busiest.add(figures[3]);
      }
      out.println(line("explorer: first page of a 10M-row table shown", firsts, 0));
      out.println(
          line("explorer: longest FX stall opening and paging it", stalls, STALL_TARGET_NANOS));
      out.println(line("explorer: the FX thread's busiest frame (its CPU)", busiest, 0));
    } finally {
      background.shutdownNow();
      delete(dir);
    }
  }

  /**
   * One open: {first page ns, longest pulse gap ns, the FX thread's CPU in that gap ns, the FX
   * thread's most CPU in any one gap ns}.
   */
  private static long[] once(Path home, ExecutorService background) throws Exception {
    AtomicLong lastPulse = new AtomicLong();
    AtomicLong lastCpu = new AtomicLong();
    AtomicLong longest = new AtomicLong();
    AtomicLong longestCpu = new AtomicLong();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong busiest = new AtomicLong();
    AnimationTimer pulses =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            // The clock, not the pulse's own time stamp: the first gap starts at the selection.
            long at = System.nanoTime();
            long before = lastPulse.getAndSet(at);
            // The FX thread's own CPU in the gap: the rest of a stall is waiting (for a processor
            // on a loaded machine, or for the renderer to finish painting the previous frame).
            long cpu = threads.getCurrentThreadCpuTime();
            long cpuBefore = lastCpu.getAndSet(cpu);
            if (before == 0) {
              return;
            }
            if (at - before > longest.get()) {
              longest.set(at - before);
              longestCpu.set(cpu - cpuBefore);
            }
            busiest.set(Math.max(busiest.get(), cpu - cpuBefore));
          }
        };
    CompletableFuture<DataExplorer> opened = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Scene theme = new Scene(new Pane());
          Themes.apply(theme);
          DataExplorer x =
              new DataExplorer(null, home, "bench", "main", background, run -> {}, theme);
          x.show();
          opened.complete(x);
        });
    DataExplorer x = opened.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    await(() -> x.tables.getItems().size() == 1);
    CompletableFuture<Long> firstPage = new CompletableFuture<>();
    AtomicLong selected = new AtomicLong();
    Platform.runLater(
        () -> {
          x.onRowsShown(
              pages -> {
                if (!firstPage.isDone()) {
                  // Shown: the pulse after the rows went into the view draws them.
                  long at = System.nanoTime();
                  Platform.runLater(() -> firstPage.complete(at - selected.get()));
                }
              });
          pulses.start();
          selected.set(System.nanoTime());
          lastPulse.set(selected.get());
          lastCpu.set(threads.getCurrentThreadCpuTime());
          longest.set(0);
          x.tables.getSelectionModel().select(0);
        });
    long first = firstPage.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (int page = 2; page <= PAGES; page++) {
      long want = (long) page * PageSql.PAGE_ROWS;
      Platform.runLater(
          () -> {
            int last = x.table.rows.view.getItems().size() - 1;
            x.table.rows.view.scrollTo(last);
            x.table.rows.view.getSelectionModel().select(last);
          });
      await(() -> x.table.rows.view.getItems().size() >= want);
    }
    Thread.sleep(200);
    long stall = longest.get();
    long stallCpu = longestCpu.get();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          pulses.stop();
          x.stage().close();
          closed.complete(null);
        });
    closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return new long[] {first, stall, stallCpu, busiest.get()};
  }

  private interface Check {
    boolean holds();
  }

  private static void await(Check check) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < end) {
      CompletableFuture<Boolean> now = new CompletableFuture<>();
      Platform.runLater(() -> now.complete(check.holds()));
      if (now.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(
        "the explorer did not show its rows within " + TIMEOUT_SECONDS + " s");
  }

  /** The table, written by DuckDB from range() and imported once into branch main's history. */
  private static void fill(Path home, Path parquet) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT i AS id, 'payment ' || i AS reference, (hash(i) % 97)::INT AS merchant,"
              + " round((hash(i + 1) % 50000) / 100.0, 2) AS eur_amount,"
              + " DATE '2023-01-01' + (i % 365)::INT AS day FROM range("
              + ROWS
              + ") t(i)) TO '"
              + parquet.toString().replace("'", "''")
              + "' (FORMAT parquet)");
    }
    try (LocalLakehouse lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null)) {
      WriteContext bench = WriteContext.user("bench");
      lake.createBranch("bench.payments", "main");
      lake.createTable("payments", parquet.toString(), "bench.payments", false, bench);
      lake.importData("payments", parquet.toString(), "bench.payments", bench);
      lake.merge("bench.payments", "main", bench);
    }
  }

  /** A figure's line in bench-console's style: median (min-max); a target of 0: no verdict. */
  static String line(String name, List<Long> nanos, long target) {
    double[] sorted = nanos.stream().mapToDouble(Long::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return String.format(
        Locale.ROOT,
        "%-52s %10s (%.1f-%.1f ms, %d opens)%s",
        name,
        String.format(Locale.ROOT, "%.1f ms", median / 1e6),
        sorted[0] / 1e6,
        sorted[n - 1] / 1e6,
        n,
        target > 0
            ? String.format(
                Locale.ROOT,
                "  target <= %d ms  %s",
                target / 1_000_000,
                median <= target ? "met" : "NOT met")
            : "  (no target: for reference)");
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
