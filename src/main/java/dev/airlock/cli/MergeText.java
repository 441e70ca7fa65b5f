package dev.airlock.cli;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.VerificationReport;
import java.util.List;
import java.util.stream.Collectors;

/** Text renderings of merge requests and their evidence, for the terminal gate and replays. */
final class MergeText {
  // A terminal shows a taste of each table; the console shows the whole preview.
  private static final int PREVIEW_ROWS = 3;
  private static final int PREVIEW_WIDTH = 110;

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
    changes(b, e.changes(), e.auditTime());
    if (e.verification() == null) {
      b.append("  checks: none could run").append(total(e.auditTime())).append('\n');
    } else {
      b.append("  audit: ")
          .append(e.verification().summary())
          .append(total(e.auditTime()))
          .append('\n');
      failedChecks(b, e.verification());
    }
    provenance(b, e.provenance());
    previews(b, e.previews());
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
    changes(b, m.changes(), m.auditTime());
    if (m.checksPassed() != null) {
      b.append("  checks: ")
          .append(m.checksPassed() ? "all passed" : "FAILED")
          .append(counts(m))
          .append(total(m.auditTime()))
          .append('\n');
      failedChecks(b, m.verification());
    }
    provenance(b, m.provenance());
    return b.toString().stripTrailing();
  }

  /** The checks of {@code report} that did not pass, each with its first piece of evidence. */
  private static void failedChecks(StringBuilder b, VerificationReport report) {
    if (report == null) {
      return;
    }
    for (CheckResult c : report.problems()) {
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

  private static String counts(RunEvent.MergeRequested m) {
    if (m.verification() == null) {
      return "";
    }
    VerificationReport.Counts c = m.verification().counts();
    return " {checks="
        + c.checks()
        + ", pass="
        + c.pass()
        + ", fail="
        + c.fail()
        + ", error="
        + c.error()
        + "}";
  }

  /** " · checked in 1.2 s" (checks and previews in all); empty when the time is unknown. */
  private static String total(MergeEvidence.AuditTime time) {
    return time == null || time.millis() == null
        ? ""
        : " · checked in " + MergeEvidence.AuditTime.words(time.millis());
  }

  /** " · checked in 420 ms" for one table (its checks and preview); empty when unknown. */
  private static String tableTime(MergeEvidence.AuditTime time, String table) {
    MergeEvidence.TableTime t = time == null ? null : time.table(table);
    return t == null || t.millis() == null
        ? ""
        : " · checked in " + MergeEvidence.AuditTime.words(t.millis());
  }

  private static void changes(
      StringBuilder b, List<RunEvent.TableChange> changes, MergeEvidence.AuditTime time) {
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
      b.append(tableTime(time, t.table())).append('\n');
    }
    unchangedTables(b, changes, time);
  }

  /** The tables the audit checked that the merge does not change: their times, on one line. */
  private static void unchangedTables(
      StringBuilder b, List<RunEvent.TableChange> changes, MergeEvidence.AuditTime time) {
    if (time == null) {
      return;
    }
    String others =
        time.tables().stream()
            .filter(t -> t.millis() != null)
            .filter(t -> changes.stream().noneMatch(c -> c.table().equals(t.table())))
            .map(t -> t.table() + " " + MergeEvidence.AuditTime.words(t.millis()))
            .collect(Collectors.joining(", "));
    if (!others.isEmpty()) {
      b.append("  also checked (unchanged): ").append(others).append('\n');
    }
  }

  /** The first rows of each table, one line a row cut to a terminal line. */
  private static void previews(StringBuilder b, List<MergeEvidence.TablePreview> previews) {
    for (MergeEvidence.TablePreview p : previews) {
      b.append("  preview ").append(p.table());
      if (p.note() != null) {
        b.append(" (").append(p.note()).append(')');
      }
      b.append('\n');
      if (p.columns().isEmpty()) {
        continue;
      }
      b.append("    ").append(previewLine(p.columns())).append('\n');
      for (List<Object> row : p.rows().subList(0, Math.min(PREVIEW_ROWS, p.rows().size()))) {
        b.append("    ").append(previewLine(row)).append('\n');
      }
      if (p.truncated() || p.rows().size() > PREVIEW_ROWS) {
        b.append("    ...\n");
      }
    }
  }

  /** Values on one line: a value's own line breaks are shown, never obeyed. */
  private static String previewLine(List<?> values) {
    String line =
        values.stream()
            .map(v -> String.valueOf(v).replace("\r", "\\r").replace("\n", "\\n"))
            .collect(Collectors.joining(" | "));
    return line.length() > PREVIEW_WIDTH ? line.substring(0, PREVIEW_WIDTH - 1) + "…" : line;
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
