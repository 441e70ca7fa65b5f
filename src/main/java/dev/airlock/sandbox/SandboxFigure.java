package dev.airlock.sandbox;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code airlock bench}'s sandbox figures: from {@code execute()} (the approval) to the first
 * output chunk of {@code print(1)} through the bubblewrap sandbox, against a bare {@code python3 -c
 * "print(1)"} started from this JVM to its first output byte (the same interpreter). Warm: a spare
 * is up and waiting, as it is after the model's answer time (each trial first waits for it, and
 * waits for the next one to be ready before it returns, so no start runs beside the baseline).
 * Cold: no spare, every execution starts bubblewrap and python.
 */
public final class SandboxFigure implements Figure {
  private final boolean warm;

  private SandboxFigure(boolean warm) {
    this.warm = warm;
  }

  /** Approval to first output with a spare waiting. */
  public static SandboxFigure warm() {
    return new SandboxFigure(true);
  }

  /** Approval to first output starting the sandbox then (no spare). */
  public static SandboxFigure cold() {
    return new SandboxFigure(false);
  }

  @Override
  public String area() {
    return "sandbox";
  }

  @Override
  public String name() {
    return warm
        ? "sandbox approval -> first output, spare waiting"
        : "sandbox approval -> first output, cold start";
  }

  @Override
  public String baseline() {
    return "bare `python3 -c \"print(1)\"` start to first output";
  }

  @Override
  public double target() {
    return warm ? 0.5 : 1.3;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    LocalSandboxConfig config = LocalSandboxConfig.builder().python(context.python()).build();
    // The sandbox user (uid 65534 when running as root) must reach the workspace.
    Path folder =
        Files.createTempDirectory(
            "airlock-bench-sandbox-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    Path workspace = folder.resolve("work");
    SandboxProbe probe;
    try {
      probe = LocalSandbox.probe(config);
    } catch (SandboxUnavailableException e) {
      SandboxProbe.deleteQuietly(folder);
      throw e;
    }
    LocalSandbox sandbox =
        warm
            ? new LocalSandbox(config, workspace, null, probe)
            : new LocalSandbox(
                config, workspace, null, probe.bubblewrapVersion(), probe.pythonVersion());
    String python = context.python().toString();
    return new Pair() {
      @Override
      public long ours() throws Exception {
        if (warm && !sandbox.awaitSpare()) {
          throw new IllegalStateException("no spare sandbox came up");
        }
        AtomicLong firstOutput = new AtomicLong();
        long start = System.nanoTime();
        ExecutionResult result =
            sandbox.execute(
                ExecutionRequest.of("print(1)"),
                (stream, chunk) -> firstOutput.compareAndSet(0, System.nanoTime()),
                new ExecutionControl());
        if (!result.status().succeeded() || firstOutput.get() == 0) {
          throw new IllegalStateException("the sandbox did not print: " + result);
        }
        if (warm) {
          sandbox.awaitSpare();
        }
        return firstOutput.get() - start;
      }

      @Override
      public long baseline() throws Exception {
        return bareFirstOutput(python);
      }

      @Override
      public void close() {
        sandbox.close();
        SandboxProbe.deleteQuietly(folder);
      }
    };
  }

  /** Nanoseconds from the start of {@code python -c "print(1)"} to its first output byte. */
  static long bareFirstOutput(String python) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(python, "-c", "print(1)").start();
    try (InputStream out = process.getInputStream()) {
      int first = out.read();
      long at = System.nanoTime();
      process.waitFor();
      if (first < 0) {
        throw new IOException(python + " printed nothing");
      }
      return at - start;
    }
  }
}
