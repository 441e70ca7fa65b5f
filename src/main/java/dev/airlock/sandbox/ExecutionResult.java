package dev.airlock.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How an execution ended. {@code stdout}/{@code stderr} hold what was captured up to the cap;
 * {@code stdoutDroppedBytes}/{@code stderrDroppedBytes} count what the cap dropped. {@code error}
 * is a one-line human explanation when the status is not OK (e.g. "killed after the 300 s timeout",
 * "memory limit of 2 GiB exceeded"), null otherwise.
 */
public record ExecutionResult(
    Status status,
    Integer exitCode,
    String stdout,
    String stderr,
    long stdoutDroppedBytes,
    long stderrDroppedBytes,
    String error,
    Duration duration,
    List<String> missingPackages) {

  public enum Status {
    /** Exit code 0. */
    OK,
    /** The code raised or exited non-zero. */
    ERROR,
    /** The wall-clock timeout fired; the whole process tree was killed. */
    TIMEOUT,
    /** Stopped on request (the supervisor stopped the run). */
    CANCELLED,
    /** Killed by a resource limit (CPU time, memory, processes) or a signal. */
    KILLED;

    public boolean succeeded() {
      return this == OK;
    }
  }

  public ExecutionResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
    missingPackages = List.copyOf(missingPackages == null ? List.of() : missingPackages);
  }
}
