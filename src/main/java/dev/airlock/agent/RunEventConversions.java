package dev.airlock.agent;

import dev.airlock.agent.RunEvent.DataChanged;
import dev.airlock.agent.RunEvent.ExecutionFinished;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.sandbox.ExecutionResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Records of {@link RunEvent} made from what the run's parts report, and back: a sandbox's {@link
 * ExecutionResult} and a lakehouse write's {@link LakehouseEvent}. The records keep their own
 * stable copy of the fields, so the transcript's shape does not follow the parts' classes.
 */
final class RunEventConversions {
  private RunEventConversions() {}

  /** The record of {@code result}: the transcript keeps its own stable copy of the fields. */
  static ExecutionFinished finished(int turn, Instant at, ExecutionResult result) {
    return new ExecutionFinished(
        turn,
        at,
        result.status().name(),
        result.exitCode(),
        result.stdout(),
        result.stderr(),
        result.stdoutDroppedBytes(),
        result.stderrDroppedBytes(),
        result.error(),
        result.duration().toMillis(),
        result.missingPackages());
  }

  /** The result again, as the model was told it (forks rebuild the observation from this). */
  static ExecutionResult result(ExecutionFinished f) {
    return new ExecutionResult(
        ExecutionResult.Status.valueOf(f.status()),
        f.exitCode(),
        f.stdout(),
        f.stderr(),
        f.stdoutDroppedBytes(),
        f.stderrDroppedBytes(),
        f.error(),
        Duration.ofMillis(f.durationMs()),
        f.missingPackages());
  }

  /**
   * The commit a lakehouse write made, as of {@code at}; null when it committed nothing (it failed,
   * or left the head where it was). Its turn is the write's, 0 outside any turn.
   */
  static DataChanged dataChanged(LakehouseEvent e, Instant at) {
    if (e.error() != null || e.commitAfter() == null || e.commitAfter().equals(e.commitBefore())) {
      return null;
    }
    int turn = e.context() == null || e.context().turn() == null ? 0 : e.context().turn();
    return new DataChanged(
        turn, at, e.operation(), e.ref(), e.table(), e.commitBefore(), e.commitAfter(), e.rows());
  }
}
