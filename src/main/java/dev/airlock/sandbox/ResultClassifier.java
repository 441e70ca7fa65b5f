package dev.airlock.sandbox;

import dev.airlock.sandbox.ExecutionResult.Status;
import java.time.Duration;
import java.util.List;

/**
 * Turns a raw process outcome into a status and a one-line explanation a human can act on. A
 * resource limit shows up either as a signal (CPU: SIGXCPU or SIGKILL) or as a Python exception
 * whose text names the limit (memory, file size, processes); both become KILLED.
 */
final class ResultClassifier {
  private final LocalSandboxConfig config;

  ResultClassifier(LocalSandboxConfig config) {
    this.config = config;
  }

  ExecutionResult classify(
      ProcessExecution.Outcome outcome, Duration timeout, List<String> missingPackages) {
    Verdict verdict = verdict(outcome, timeout);
    return new ExecutionResult(
        verdict.status(),
        outcome.exitCode(),
        outcome.stdout(),
        outcome.stderr(),
        outcome.stdoutDropped(),
        outcome.stderrDropped(),
        verdict.error(),
        outcome.duration(),
        missingPackages);
  }

  record Verdict(Status status, String error) {}

  Verdict verdict(ProcessExecution.Outcome outcome, Duration timeout) {
    if (outcome.cancelled()) {
      return new Verdict(Status.CANCELLED, "cancelled: the execution was stopped on request");
    }
    if (outcome.timedOut()) {
      return new Verdict(
          Status.TIMEOUT,
          "killed after the "
              + seconds(timeout)
              + " timeout; every process of the execution was stopped");
    }
    int exit = outcome.exitCode();
    if (exit == 0) {
      return new Verdict(Status.OK, null);
    }
    long cpu = config.cpuSecondsFor(timeout);
    if (exit == PythonBootstrap.CPU_LIMIT_EXIT) {
      return new Verdict(Status.KILLED, "killed: CPU time limit of " + cpu + " s exceeded");
    }
    if (exit == 137) {
      return new Verdict(
          Status.KILLED,
          "killed by SIGKILL: the CPU time limit of "
              + cpu
              + " s was reached, or the host ran out of memory");
    }
    String last = lastLine(outcome.stderr());
    Verdict limit = limitFromException(last);
    if (limit != null) {
      return limit;
    }
    if (exit > 128 && exit < 128 + 65) {
      return new Verdict(
          Status.KILLED,
          "killed by signal " + signalName(exit - 128) + " (exit code " + exit + ")");
    }
    return new Verdict(Status.ERROR, last.isEmpty() ? "exited with code " + exit : last);
  }

  private Verdict limitFromException(String last) {
    if (last.startsWith("MemoryError")) {
      return new Verdict(
          Status.KILLED,
          "MemoryError: memory limit of " + Sizes.human(config.memoryBytes()) + " exceeded");
    }
    if (last.contains("[Errno 27]")) {
      return new Verdict(
          Status.KILLED,
          "file size limit of " + Sizes.human(config.fileSizeBytes()) + " exceeded (" + last + ")");
    }
    if (last.startsWith("BlockingIOError: [Errno 11]") || last.contains("can't start new thread")) {
      return new Verdict(
          Status.KILLED,
          "process limit reached (" + config.processes() + " processes and threads): " + last);
    }
    if (last.contains("[Errno 28]")) {
      return new Verdict(
          Status.ERROR,
          "no space left: /tmp in the sandbox holds at most "
              + Sizes.human(config.tmpBytes())
              + " ("
              + last
              + ")");
    }
    return null;
  }

  static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    String last = lines[lines.length - 1].strip();
    return last.length() > 300 ? last.substring(0, 300) + "..." : last;
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
  }

  private static String signalName(int signal) {
    return switch (signal) {
      case 6 -> "SIGABRT";
      case 7 -> "SIGBUS";
      case 9 -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 15 -> "SIGTERM";
      case 24 -> "SIGXCPU";
      case 25 -> "SIGXFSZ";
      default -> "#" + signal;
    };
  }
}
