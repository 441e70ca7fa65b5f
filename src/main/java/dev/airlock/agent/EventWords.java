package dev.airlock.agent;

import dev.airlock.lakehouse.CommitHash;

/** Events in the engine's words, one line each, for every face (terminal, console, replay). */
public final class EventWords {
  private EventWords() {}

  /** "import on run/x (fees, 1000 rows): 1a2b3c4d5e6f → 7a8b9c0d1e2f". */
  public static String dataChanged(RunEvent.DataChanged d) {
    String rows = d.rows() == null ? "" : ", " + d.rows() + " rows";
    return d.operation()
        + " on "
        + d.ref()
        + (d.table() == null ? "" : " (" + d.table() + rows + ")")
        + ": "
        + CommitHash.abbreviate(d.commitBefore())
        + " → "
        + CommitHash.abbreviate(d.commitAfter());
  }

  /** The question a {@link RunEvent.DecisionWithdrawn} withdrew: "approval", "merge review"... */
  public static String question(String kind) {
    if ("merge".equals(kind)) {
      return "merge review";
    }
    return "budget".equals(kind) ? "budget question" : "approval";
  }
}
