package dev.airlock.ui.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a stall's time went, for {@code bench-console}: the Linux scheduler's own account of the FX
 * thread and of the renderer thread (Prism's QuantumRenderer), read from {@code
 * /proc/self/task/TID/schedstat} by a sampler thread every millisecond or two: the CPU each ran and
 * the time each was runnable but waited for a processor. Off Linux (or without those files) every
 * figure is -1. Runs off the FX thread: the FX side only reads the latest sample.
 */
final class ThreadClocks implements AutoCloseable {
  /** One thread's scheduler account: nanoseconds on a CPU and runnable but waiting for one. */
  record Account(long cpuNanos, long queuedNanos) {
    static final Account UNKNOWN = new Account(-1, -1);

    boolean known() {
      return cpuNanos >= 0;
    }

    Account minus(Account earlier) {
      return known() && earlier.known()
          ? new Account(cpuNanos - earlier.cpuNanos, queuedNanos - earlier.queuedNanos)
          : UNKNOWN;
    }
  }

  private final Path fx;
  private final List<Path> renderer;
  private volatile Account fxNow = Account.UNKNOWN;
  private volatile Account rendererNow = Account.UNKNOWN;
  private volatile boolean running = true;
  private final Thread sampler;

  private ThreadClocks(Path fx, List<Path> renderer) {
    this.fx = fx;
    this.renderer = renderer;
    sampler = new Thread(this::sample, "bench-thread-clocks");
    sampler.setDaemon(true);
    sampler.start();
  }

  /**
   * Starts sampling the FX thread ({@code fxTask}: its {@code /proc/self/task/TID} folder, which
   * only that thread can name, through {@code /proc/thread-self}; null when unknown) and the
   * renderer threads of this JVM. Call off the FX thread.
   */
  static ThreadClocks start(Path fxTask) {
    Path fx = fxTask == null ? null : fxTask.resolve("schedstat");
    List<Path> renderer = new ArrayList<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String name = Files.readString(task.resolve("comm")).strip();
        // The kernel keeps 15 characters of a thread's name.
        if (name.startsWith("QuantumRenderer")) {
          // Prism may have started one per pipeline it tried (es2, then sw): all of them count.
          renderer.add(task.resolve("schedstat"));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc hidden: the figures say unknown.
    }
    return new ThreadClocks(fx, renderer);
  }

  /** The FX thread's account so far (the latest sample). */
  Account fx() {
    return fxNow;
  }

  /** The renderer thread's account so far (the latest sample). */
  Account renderer() {
    return rendererNow;
  }

  private void sample() {
    while (running) {
      fxNow = read(fx);
      rendererNow = sum(renderer);
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Account sum(List<Path> schedstats) {
    long cpu = 0;
    long queued = 0;
    for (Path p : schedstats) {
      Account a = read(p);
      if (!a.known()) {
        return Account.UNKNOWN;
      }
      cpu += a.cpuNanos();
      queued += a.queuedNanos();
    }
    return schedstats.isEmpty() ? Account.UNKNOWN : new Account(cpu, queued);
  }

  private static Account read(Path schedstat) {
    if (schedstat == null) {
      return Account.UNKNOWN;
    }
    try {
      String[] fields = Files.readString(schedstat).strip().split(" ");
      return new Account(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    } catch (IOException | RuntimeException e) {
      return Account.UNKNOWN;
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
