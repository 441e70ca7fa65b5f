package dev.airlock.agent;

import dev.airlock.model.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the run has done so far, kept in memory for the gates: which turn's code last wrote each
 * table on each branch, each turn's decision, the branches the run wrote, usage and cost. Listens
 * to the run's events; thread-safe.
 */
public final class RunJournal implements RunListener {
  private final Map<Integer, RunEvent.Decided> decisions = new HashMap<>();
  private final Map<String, Integer> lastWriter = new HashMap<>();
  private final Set<String> branches = new LinkedHashSet<>();
  private Usage usage = Usage.NONE;
  private Double cost;

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.Decided d) {
      decisions.put(d.turn(), d);
    } else if (event instanceof RunEvent.DataChanged c && c.turn() > 0 && !"main".equals(c.ref())) {
      branches.add(c.ref());
      if (c.table() != null) {
        lastWriter.put(c.ref() + "|" + c.table(), c.turn());
      }
    } else if (event instanceof RunEvent.ModelResponded r) {
      usage = usage.plus(r.usage() == null ? Usage.NONE : r.usage());
      if (r.costUsd() != null) {
        cost = (cost == null ? 0 : cost) + r.costUsd();
      }
    }
  }

  public synchronized List<MergeEvidence.Provenance> provenance(
      String branch, List<String> tables) {
    List<MergeEvidence.Provenance> out = new ArrayList<>();
    for (String table : tables) {
      Integer turn = lastWriter.get(branch + "|" + table);
      RunEvent.Decided d = turn == null ? null : decisions.get(turn);
      String how =
          d == null
              ? null
              : d.verdict() == Decision.Verdict.APPROVE_EDITED ? "edited" : "as proposed";
      out.add(
          new MergeEvidence.Provenance(
              table, turn, d == null ? null : d.executedSha256(), d == null ? null : d.by(), how));
    }
    return out;
  }

  /** The branches other than main that the run's code wrote, in order of first write. */
  public synchronized List<String> branches() {
    return List.copyOf(branches);
  }

  public synchronized Usage usage() {
    return usage;
  }

  public synchronized Double cost() {
    return cost;
  }
}
