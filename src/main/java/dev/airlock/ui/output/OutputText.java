package dev.airlock.ui.output;

import dev.airlock.agent.EventWords;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words the output pane shows for a turn's execution, data effects and lakehouse calls: the
 * same facts, in the same words, as the command line prints for a turn. Toolkit-free, so the
 * wording is tested without a screen.
 */
final class OutputText {
  /** Longest parameter summary shown for one lakehouse call; the agent's code chooses them. */
  static final int MAX_PARAMS = 240;

  private OutputText() {}

  /** "ok (exit 0) in 1.23 s", "timeout in 60.00 s": the status line of a finished execution. */
  static String status(RunEvent.ExecutionFinished f) {
    StringBuilder b = new StringBuilder(f.status().toLowerCase(Locale.ROOT));
    if (f.exitCode() != null) {
      b.append(" (exit ").append(f.exitCode()).append(")");
    }
    return b.append(" in ").append(seconds(f.durationMs())).toString();
  }

  /** "running (timeout 60 s) in bubblewrap": while the code runs. */
  static String running(RunEvent.ExecutionStarted s) {
    return "running (timeout " + s.timeoutMs() / 1000 + " s) in " + s.sandbox();
  }

  /** The line that stands where the sandbox stopped keeping a stream's output. */
  static String cutMarker(String stream, long droppedBytes) {
    return String.format(
        Locale.ROOT, "--- output cut: %,d bytes of %s not kept ---", droppedBytes, stream);
  }

  /** The first line of a view that keeps only the newest lines. */
  static String hiddenLines(long lines) {
    return String.format(
        Locale.ROOT,
        "... %,d earlier %s not shown (Copy all has the full text)",
        lines,
        lines == 1 ? "line" : "lines");
  }

  /** "branch run/x: 1a2b3c4d5e6f → 7a8b9c0d1e2f, tables fees, +1,000 rows, 2 commits". */
  static String branchEffect(RunEvent.BranchEffect e) {
    StringBuilder b =
        new StringBuilder("branch ")
            .append(e.branch())
            .append(": ")
            .append(CommitHash.abbreviate(e.headBefore()))
            .append(" → ")
            .append(CommitHash.abbreviate(e.headAfter()));
    if (e.tables() != null && !e.tables().isEmpty()) {
      b.append(e.tables().size() == 1 ? ", table " : ", tables ")
          .append(String.join(", ", e.tables()));
    }
    b.append(String.format(Locale.ROOT, ", %+,d rows", e.rowsAdded()));
    b.append(", ").append(e.commits()).append(e.commits() == 1 ? " commit" : " commits");
    return b.toString();
  }

  /** One commit of the turn, while the turn's summary of effects is not there yet. */
  static String dataChanged(RunEvent.DataChanged d) {
    return EventWords.dataChanged(d);
  }

  /** "create_table {table=fees}": the method and the parameters that say something. */
  static String call(RunEvent.LakehouseCall c) {
    Map<String, Object> shown = new LinkedHashMap<>();
    if (c.params() != null) {
      c.params()
          .forEach(
              (k, v) -> {
                if (v != null && !Boolean.FALSE.equals(v)) {
                  shown.put(k, v);
                }
              });
    }
    String params = shown.isEmpty() ? "" : " " + clip(shown.toString(), MAX_PARAMS);
    return c.method() + params;
  }

  /** "→ 1,000 rows · 12 ms" or "→ TableNotFound: no table fees · 3 ms". */
  static String callOutcome(RunEvent.LakehouseCall c) {
    String outcome =
        c.ok()
            ? (c.result() == null ? "ok" : clip(c.result(), MAX_PARAMS))
            : c.errorType() + ": " + clip(String.valueOf(c.errorMessage()), MAX_PARAMS);
    return "→ " + outcome + " · " + c.durationMs() + " ms";
  }

  static String missingPackages(List<String> packages) {
    return "missing packages: " + String.join(", ", packages);
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  /** One line of the agent's text: line breaks as spaces, hidden characters by code point. */
  private static String clip(String s, int max) {
    String line = RiskDetector.visible(s.replace('\n', ' '));
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }
}
