package dev.airlock.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one started sandbox process to its end: feeds the header and the code on stdin, drains both
 * outputs, enforces the wall-clock timeout (counting only unpaused time) and cancellation by
 * killing the whole tree.
 */
final class ProcessExecution {
  /** How long to wait for the output pumps after the process ended (a stray pipe holder). */
  private static final long DRAIN_GRACE_MILLIS = 2000;

  private static final long POLL_MILLIS = 50;

  /**
   * What happened, before any interpretation. {@code exitCode} is null if the process never ended.
   */
  record Outcome(
      Integer exitCode,
      boolean timedOut,
      boolean cancelled,
      String stdout,
      String stderr,
      long stdoutDropped,
      long stderrDropped,
      Duration duration) {}

  private ProcessExecution() {}

  /**
   * How to start {@code command} with only {@code processEnvironment}; start it from the launcher
   * thread (bubblewrap dies with the thread that started it).
   */
  static ProcessBuilder builder(
      List<String> command, Map<String, String> processEnvironment, Path directory) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(processEnvironment);
    return builder;
  }

  /**
   * Hands {@code header} and {@code code} to the started {@code sandbox} and runs it to its end.
   * The timeout clock starts here, when the code is sent, however long ago the process started.
   */
  static Outcome run(
      SandboxProcess sandbox,
      String header,
      String code,
      Duration timeout,
      long outputCap,
      OutputListener listener,
      ExecutionControl stop,
      ExecutionControl clock) {
    long started = System.nanoTime();
    long pausedAtStart = clock.pausedNanos();
    Process process = sandbox.process();
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    stop.onCancel(
        () -> {
          if (!finished.get()) {
            cancelled.set(true);
            killTree(process);
          }
        });
    OutputListener serial = serialized(listener);
    OutputPump out =
        new OutputPump(process.getInputStream(), OutputListener.Stream.STDOUT, outputCap, serial);
    OutputPump err =
        new OutputPump(sandbox.stderr(), OutputListener.Stream.STDERR, outputCap, serial);
    Thread outThread = daemon(out, "airlock-sandbox-stdout");
    Thread errThread = daemon(err, "airlock-sandbox-stderr");
    daemon(() -> feed(process.getOutputStream(), header + code), "airlock-sandbox-stdin");
    boolean timedOut = false;
    try {
      timedOut = awaitExit(process, timeout, clock, started, pausedAtStart);
    } catch (InterruptedException e) {
      cancelled.set(true);
      killTree(process);
      Thread.currentThread().interrupt();
    } finally {
      finished.set(true);
    }
    Integer exit = waitQuietly(process);
    joinQuietly(outThread);
    joinQuietly(errThread);
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    return new Outcome(
        exit,
        timedOut,
        cancelled.get(),
        out.text(),
        err.text(),
        out.droppedBytes(),
        err.droppedBytes(),
        duration);
  }

  /** Waits for the process; returns true if the timeout fired (the tree is then killed). */
  private static boolean awaitExit(
      Process process, Duration timeout, ExecutionControl control, long started, long pausedAtStart)
      throws InterruptedException {
    long limit = timeout.toNanos();
    while (true) {
      long running = System.nanoTime() - started - (control.pausedNanos() - pausedAtStart);
      long remaining = limit - running;
      if (remaining <= 0 && !control.clockPaused()) {
        killTree(process);
        return true;
      }
      long wait =
          control.clockPaused()
              ? POLL_MILLIS
              : Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, POLL_MILLIS * 4);
      if (process.waitFor(wait, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
  }

  /**
   * SIGKILLs the descendants, then the process itself. For bubblewrap the second step alone is
   * enough (the PID namespace dies with its init); the first is defence in depth.
   */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void feed(OutputStream stdin, String code) {
    try (stdin) {
      stdin.write(code.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The process ended before reading its code (killed or failed to start): nothing to feed.
    }
  }

  private static Integer waitQuietly(Process process) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          if (process.waitFor(10, TimeUnit.SECONDS)) {
            return process.exitValue();
          }
          killTree(process);
        } catch (InterruptedException e) {
          interrupted = true;
          killTree(process);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(DRAIN_GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Calls from the two pumps reach the listener one at a time; a failing listener is ignored. */
  private static OutputListener serialized(OutputListener listener) {
    Object lock = new Object();
    return (stream, chunk) -> {
      synchronized (lock) {
        try {
          listener.onOutput(stream, chunk);
        } catch (RuntimeException e) {
          // A broken listener must not stop the draining, or the sandbox would block on its pipe.
        }
      }
    };
  }
}
