package dev.airlock.cli;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import java.util.List;

/** Text renderings of merge requests and their evidence, for the terminal gate and replays. */
final class MergeText {
  private MergeText() {}

  static String request(
      String source, String sourceHash, String target, String targetHash, MergeEvidence e) {
    StringBuilder b =
        new StringBuilder("Merge request: ")
            .append(source)
            .append(" (")
            .append(CommitHash.abbreviate(sourceHash))
            .append(") into ")
            .append(target)
            .append(" (")
            .append(CommitHash.abbreviate(targetHash))
            .append(")\n");
    changes(b, e.changes());
    if (e.verification() == null) {
      b.append("  checks: none could run\n");
    } else {
      b.append("  audit: ").append(e.verification().summary()).append('\n');
      for (CheckResult c : e.verification().problems()) {
        b.append("    ✘ ")
            .append(c.verdict())
            .append(' ')
            .append(c.id())
            .append(": ")
            .append(c.summary())
            .append('\n');
        for (Evidence ev : c.evidence().subList(0, Math.min(1, c.evidence().size()))) {
          if (ev.sql() != null) {
            b.append("        SQL: ").append(ev.sql()).append('\n');
          }
          if (!ev.rows().isEmpty()) {
            b.append("        ").append(ev.columns()).append('\n');
            ev.rows().stream().limit(5).forEach(r -> b.append("        ").append(r).append('\n'));
          }
        }
      }
    }
    provenance(b, e.provenance());
    b.append("  run so far: ").append(TurnText.usage(e.usage(), e.costUsd()));
    return b.toString();
  }

  static String replay(RunEvent.MergeRequested m) {
    StringBuilder b =
        new StringBuilder("⇢ merge request: ")
            .append(m.source())
            .append(" (")
            .append(CommitHash.abbreviate(m.sourceCommit()))
            .append(") into ")
            .append(m.target())
            .append(" (gate: ")
            .append(m.policy())
            .append(")\n");
    changes(b, m.changes());
    if (m.checksPassed() != null) {
      b.append("  checks: ")
          .append(m.checksPassed() ? "all passed" : "FAILED")
          .append(counts(m))
          .append('\n');
      failedChecks(b, m.verification());
    }
    provenance(b, m.provenance());
    return b.toString().stripTrailing();
  }

  /** The failing checks of a stored report, each with its first piece of evidence. */
  @SuppressWarnings("unchecked")
  private static void failedChecks(StringBuilder b, java.util.Map<String, Object> report) {
    Object checks = report == null ? null : report.get("checks");
    if (!(checks instanceof List<?> list)) {
      return;
    }
    for (Object o : list) {
      java.util.Map<String, Object> check = (java.util.Map<String, Object>) o;
      if ("PASS".equals(check.get("verdict"))) {
        continue;
      }
      b.append("    ✘ ")
          .append(check.get("verdict"))
          .append(' ')
          .append(check.get("id"))
          .append(": ")
          .append(check.get("summary"))
          .append('\n');
      Object evidence = check.get("evidence");
      if (evidence instanceof List<?> ev && !ev.isEmpty()) {
        java.util.Map<String, Object> first = (java.util.Map<String, Object>) ev.get(0);
        if (first.get("sql") != null) {
          b.append("        SQL: ").append(first.get("sql")).append('\n');
        }
        if (first.get("rows") instanceof List<?> rows && !rows.isEmpty()) {
          b.append("        ").append(first.get("columns")).append('\n');
          rows.stream().limit(5).forEach(r -> b.append("        ").append(r).append('\n'));
        }
      }
    }
  }

  private static String counts(RunEvent.MergeRequested m) {
    Object counts = m.verification() == null ? null : m.verification().get("counts");
    return counts == null ? "" : " " + counts;
  }

  private static void changes(StringBuilder b, List<RunEvent.TableChange> changes) {
    if (changes.isEmpty()) {
      b.append("  no table differs from the target\n");
    }
    for (RunEvent.TableChange t : changes) {
      b.append("  ")
          .append(t.change())
          .append(' ')
          .append(t.table())
          .append(": rows ")
          .append(t.rowsBefore() == null ? "-" : t.rowsBefore())
          .append(" -> ")
          .append(t.rowsAfter() == null ? "-" : t.rowsAfter());
      if (!t.schemaChanges().isEmpty()) {
        b.append(", schema ").append(t.schemaChanges());
      }
      b.append('\n');
    }
  }

  private static void provenance(StringBuilder b, List<MergeEvidence.Provenance> provenance) {
    if (provenance == null || provenance.isEmpty()) {
      return;
    }
    b.append("  provenance:\n");
    for (MergeEvidence.Provenance p : provenance) {
      b.append("    ").append(p.table()).append(": ");
      if (p.turn() == null) {
        b.append("not written by this run\n");
      } else {
        b.append("turn ")
            .append(p.turn())
            .append(", code sha256 ")
            .append(p.codeSha256() == null ? "?" : CommitHash.abbreviate(p.codeSha256()))
            .append(", approved by ")
            .append(p.approvedBy())
            .append(" (")
            .append(p.how())
            .append(")\n");
      }
    }
  }
}
