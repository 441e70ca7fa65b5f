package dev.airlock.ui.runs;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data half of a turn record: the lakehouse calls the turn's code made, what it changed (per
 * branch, commit by commit), and the merge requests with their evidence, decisions and post-merge
 * checks.
 */
final class DataRecordText {
  private DataRecordText() {}

  static void append(TurnRecordText b, TurnRecord t) {
    calls(b, t.lakehouseCalls());
    effects(b, t);
    t.merges().forEach(m -> merge(b, m));
    t.mergeDecisions().forEach(d -> mergeDecided(b, d));
    t.postMergeChecks().forEach(p -> postMerge(b, p));
  }

  private static void calls(TurnRecordText b, List<RunEvent.LakehouseCall> calls) {
    if (calls.isEmpty()) {
      return;
    }
    b.section("Lakehouse calls", String.valueOf(calls.size()));
    for (RunEvent.LakehouseCall c : calls) {
      String head = (c.ok() ? "✓ " : "✗ ") + c.method() + params(c.params());
      String tail =
          c.ok()
              ? (c.result() == null ? "" : "  →  " + c.result())
              : "  →  " + c.errorType() + ": " + c.errorMessage();
      b.add(
          c.ok() ? TurnRecordText.Kind.BODY : TurnRecordText.Kind.ERROR,
          head + tail + "  (" + c.durationMs() + " ms)");
    }
  }

  private static String params(Map<String, Object> params) {
    if (params == null || params.isEmpty()) {
      return "()";
    }
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> parts.add(k + "=" + v));
    return "(" + String.join(", ", parts) + ")";
  }

  private static void effects(TurnRecordText b, TurnRecord t) {
    RunEvent.DataEffects e = t.dataEffects();
    if (e == null && t.dataChanges().isEmpty()) {
      return;
    }
    b.section("Data effects");
    if (e != null && e.branches() != null) {
      for (RunEvent.BranchEffect be : e.branches()) {
        b.add(
            TurnRecordText.Kind.BODY,
            be.branch()
                + "  "
                + TurnRecordText.shortHash(be.headBefore())
                + " → "
                + TurnRecordText.shortHash(be.headAfter())
                + "  ·  tables "
                + (be.tables() == null ? "" : String.join(", ", be.tables()))
                + "  ·  +"
                + be.rowsAdded()
                + " rows  ·  "
                + be.commits()
                + (be.commits() == 1 ? " commit" : " commits"));
      }
    }
    for (RunEvent.DataChanged c : t.dataChanges()) {
      b.add(
          TurnRecordText.Kind.MUTED,
          "  "
              + c.operation()
              + " "
              + (c.table() == null ? "" : c.table() + " ")
              + "on "
              + c.ref()
              + "  "
              + TurnRecordText.shortHash(c.commitBefore())
              + " → "
              + TurnRecordText.shortHash(c.commitAfter())
              + (c.rows() == null ? "" : "  ·  " + c.rows() + " rows"));
    }
  }

  private static void merge(TurnRecordText b, RunEvent.MergeRequested m) {
    b.section(
        "Merge request",
        m.source() + " → " + m.target(),
        "policy " + m.policy(),
        Boolean.TRUE.equals(m.checksPassed()) ? "checks passed" : "checks did not pass",
        TurnRecordText.time(m.at()));
    if (m.changes() != null) {
      for (RunEvent.TableChange c : m.changes()) {
        b.add(
            TurnRecordText.Kind.BODY,
            c.table()
                + "  "
                + c.change()
                + "  "
                + TurnRecordText.rows(c.rowsBefore())
                + " → "
                + TurnRecordText.rows(c.rowsAfter())
                + " rows"
                + (c.schemaChanges() == null || c.schemaChanges().isEmpty()
                    ? ""
                    : "  ·  schema: " + String.join("; ", c.schemaChanges())));
      }
    }
    if (m.verification() != null) {
      b.add(
          m.verification().passed() ? TurnRecordText.Kind.GOOD : TurnRecordText.Kind.ERROR,
          m.verification().summary());
      m.verification()
          .problems()
          .forEach(c -> b.add(TurnRecordText.Kind.ERROR, "  ✗ " + c.summary()));
    }
    if (m.provenance() != null) {
      m.provenance()
          .forEach(
              p ->
                  b.add(
                      TurnRecordText.Kind.MUTED,
                      "  "
                          + p.table()
                          + ": turn "
                          + p.turn()
                          + ", approved by "
                          + p.approvedBy()
                          + " ("
                          + p.how()
                          + ")"));
    }
  }

  private static void mergeDecided(TurnRecordText b, RunEvent.MergeDecided d) {
    b.section(
        "Merge decision",
        d.approved() ? "approved" : "rejected",
        "by " + d.by(),
        TurnRecordText.time(d.at()));
    if (d.reason() != null && !d.reason().isBlank()) {
      b.fact("reason", d.reason());
    }
  }

  private static void postMerge(TurnRecordText b, RunEvent.PostMergeChecked p) {
    b.section(
        "Post-merge check",
        p.passed() ? "passed" : "FAILED",
        TurnRecordText.shortHash(p.mergeCommit()));
    if (p.summary() != null) {
      b.add(p.passed() ? TurnRecordText.Kind.GOOD : TurnRecordText.Kind.ERROR, p.summary());
    }
  }
}
