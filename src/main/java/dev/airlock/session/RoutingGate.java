package dev.airlock.session;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gate of a lakehouse that several runs and commands share: a merge made for a run (its write
 * context names the run) goes to that run's gate; any other merge goes to the gate of whoever
 * opened the lakehouse outside a run (a command at the terminal), and with none it is refused.
 * Nothing reaches main past a gate nobody holds.
 */
public final class RoutingGate implements MergeGate {
  private final Map<String, MergeGate> runs = new ConcurrentHashMap<>();
  private final Deque<MergeGate> others = new ArrayDeque<>();

  /** Merges made for {@code runId} go to {@code gate} until the returned route is closed. */
  public Route forRun(String runId, MergeGate gate) {
    if (runs.putIfAbsent(runId, gate) != null) {
      throw new IllegalStateException("run " + runId + " already has a gate on this lakehouse");
    }
    return () -> runs.remove(runId, gate);
  }

  /**
   * Merges made outside any run go to {@code gate} until the returned route is closed. Each call is
   * its own registration, even of a gate already registered: closing one route (once or twice)
   * leaves every other holder's in place.
   */
  public Route outsideRuns(MergeGate gate) {
    MergeGate entry = gate::reviewMerge;
    synchronized (others) {
      others.push(entry);
    }
    return () -> {
      synchronized (others) {
        others.removeIf(held -> held == entry);
      }
    };
  }

  @Override
  public MergeDecision reviewMerge(MergeRequest request) {
    String runId = request.context() == null ? null : request.context().runId();
    if (runId != null) {
      MergeGate gate = runs.get(runId);
      return gate != null
          ? gate.reviewMerge(request)
          : MergeDecision.reject(
              "run " + runId + " is not running here, so nobody can review its merge into main");
    }
    MergeGate gate;
    synchronized (others) {
      gate = others.peek();
    }
    return gate != null
        ? gate.reviewMerge(request)
        : MergeDecision.reject("nobody reviews merges into main outside a run here");
  }

  /** An open route; closing it removes the gate. */
  @FunctionalInterface
  public interface Route extends AutoCloseable {
    @Override
    void close();
  }
}
