package dev.airlock.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds one turn's {@link RunEvent.DataChanged} events into its {@link RunEvent.DataEffects}: per
 * branch, the head before the first commit and after the last. Thread-safe: commits arrive on the
 * gateway's threads while the turn runs.
 */
public final class DataEffectsCollector {
  private static final class Branch {
    String before;
    String after;
    final Set<String> tables = new LinkedHashSet<>();
    long rows;
    int commits;
  }

  private final Map<Integer, Map<String, Branch>> turns = new LinkedHashMap<>();

  public synchronized void add(RunEvent.DataChanged change) {
    Branch b =
        turns
            .computeIfAbsent(change.turn(), t -> new LinkedHashMap<>())
            .computeIfAbsent(change.ref(), k -> new Branch());
    if (b.before == null) {
      b.before = change.commitBefore();
    }
    b.after = change.commitAfter();
    if (change.table() != null) {
      b.tables.add(change.table());
    }
    if (change.rows() != null && "import_data".equals(change.operation())) {
      b.rows += change.rows();
    }
    b.commits++;
  }

  /**
   * The turn's effects (null when it changed nothing). Only commits attributed to {@code turn}
   * count: a commit that lands late (its execution was killed mid-call) stays a DataChanged event
   * of its own turn and never shifts another turn's heads.
   */
  public synchronized RunEvent.DataEffects drain(int turn, Clock clock) {
    Map<String, Branch> branches = turns.remove(turn);
    if (branches == null || branches.isEmpty()) {
      return null;
    }
    List<RunEvent.BranchEffect> effects = new ArrayList<>();
    branches.forEach(
        (name, b) ->
            effects.add(
                new RunEvent.BranchEffect(
                    name, b.before, b.after, List.copyOf(b.tables), b.rows, b.commits)));
    return new RunEvent.DataEffects(turn, clock.instant(), List.copyOf(effects));
  }
}
