package dev.airlock.report;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.report.ReportSink.Fact;
import dev.airlock.report.ReportSink.Tone;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A merge request in a report: what would change (tables, row counts, schema), the checks and their
 * verdicts, where each table came from, the first rows, and who decided and how; then the
 * post-merge check on main.
 */
final class MergeSection {
  private final ReportSink sink;
  private final ReportWords words;

  MergeSection(ReportSink sink, ReportWords words) {
    this.sink = sink;
    this.words = words;
  }

  static String abbreviate(String hash) {
    return hash == null ? "-" : CommitHash.abbreviate(hash);
  }

  void write(RunEvent.MergeRequested m, List<RunEvent.MergeDecided> decisions) {
    Boolean passed = m.checksPassed();
    String badge = passed == null ? "no checks" : passed ? "checks passed" : "checks failed";
    Tone tone = passed == null ? Tone.WARN : passed ? Tone.GOOD : Tone.BAD;
    sink.heading(
        3,
        null,
        "Merge request: " + words.clean(m.source()) + " into " + words.clean(m.target()),
        badge,
        tone);
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Source", words.clean(m.source()) + " at " + abbreviate(m.sourceCommit())));
    facts.add(new Fact("Target", words.clean(m.target()) + " at " + abbreviate(m.targetCommit())));
    facts.add(new Fact("Gate", words.clean(m.policy())));
    facts.add(new Fact("Requested", ReportWords.time(m.at())));
    if (m.auditTime() != null && m.auditTime().millis() != null) {
      facts.add(new Fact("Checked in", MergeEvidence.AuditTime.words(m.auditTime().millis())));
    }
    facts.add(new Fact("Run so far", ReportWords.usage(m.usage(), m.costUsd())));
    sink.facts(facts);
    sink.heading(4, null, "What the merge changes", null, Tone.PLAIN);
    changes(m.changes());
    checks(m.verification());
    provenance(m.provenance());
    m.tablePreviews().forEach(this::preview);
    decision(m, decisions);
  }

  private void changes(List<RunEvent.TableChange> changes) {
    if (changes == null || changes.isEmpty()) {
      sink.text("No table differs from the target.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (RunEvent.TableChange c : changes) {
      rows.add(
          List.of(
              words.clean(c.table()),
              words.clean(c.change()),
              c.rowsBefore() == null ? "-" : String.valueOf(c.rowsBefore()),
              c.rowsAfter() == null ? "-" : String.valueOf(c.rowsAfter()),
              c.schemaChanges() == null ? "" : words.clean(String.join("; ", c.schemaChanges()))));
    }
    sink.table(List.of("Table", "Change", "Rows before", "Rows after", "Schema"), rows, List.of());
  }

  private void checks(VerificationReport report) {
    if (report == null) {
      sink.note(Tone.WARN, "No checks could run for this merge.");
      return;
    }
    sink.heading(
        4,
        null,
        "Checks",
        report.passed() ? "all passed" : "failed",
        report.passed() ? Tone.GOOD : Tone.BAD);
    sink.text("Checks: " + words.clean(report.summary()));
    List<List<String>> rows = new ArrayList<>();
    List<Tone> tones = new ArrayList<>();
    for (CheckResult r : report.checks()) {
      rows.add(List.of(r.verdict().name(), words.clean(r.id()), words.clean(r.summary())));
      tones.add(
          r.verdict() == Verdict.PASS
              ? Tone.GOOD
              : r.verdict() == Verdict.FAIL ? Tone.BAD : Tone.WARN);
    }
    sink.table(List.of("Verdict", "Check", "Summary"), rows, tones);
    for (CheckResult r : report.problems()) {
      for (Evidence ev : r.evidence().subList(0, Math.min(1, r.evidence().size()))) {
        if (ev.sql() != null) {
          sink.block("Evidence for " + words.clean(r.id()), words.clean(ev.sql()), "sql");
        }
        if (ev.note() != null) {
          sink.text(words.clean(ev.note()));
        }
        if (!ev.columns().isEmpty()) {
          rows(ev.columns(), ev.rows());
        }
      }
    }
  }

  private void provenance(List<MergeEvidence.Provenance> provenance) {
    if (provenance == null || provenance.isEmpty()) {
      return;
    }
    sink.heading(4, null, "Where each table came from", null, Tone.PLAIN);
    List<List<String>> rows = new ArrayList<>();
    for (MergeEvidence.Provenance p : provenance) {
      rows.add(
          p.turn() == null
              ? List.of(words.clean(p.table()), "not written by this run", "", "")
              : List.of(
                  words.clean(p.table()),
                  "turn " + p.turn(),
                  abbreviate(p.codeSha256()),
                  words.clean(p.approvedBy()) + " (" + words.clean(p.how()) + ")"));
    }
    sink.table(List.of("Table", "Written by", "Code sha256", "Approved by"), rows, List.of());
  }

  private void preview(MergeEvidence.TablePreview p) {
    String note = p.note() == null ? "" : " (" + words.clean(p.note()) + ")";
    sink.heading(4, null, "First rows of " + words.clean(p.table()) + note, null, Tone.PLAIN);
    if (!p.columns().isEmpty()) {
      rows(p.columns(), p.rows());
    }
  }

  private void rows(List<String> columns, List<List<Object>> values) {
    List<String> header = columns.stream().map(words::clean).toList();
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : values) {
      rows.add(row.stream().map(v -> v == null ? "NULL" : words.clean(v)).toList());
    }
    sink.table(header, rows, List.of());
  }

  private void decision(RunEvent.MergeRequested m, List<RunEvent.MergeDecided> decisions) {
    RunEvent.MergeDecided d =
        decisions.stream()
            .filter(x -> x.source().equals(m.source()) && x.target().equals(m.target()))
            .filter(x -> !x.at().isBefore(m.at()))
            .findFirst()
            .orElse(null);
    if (d == null) {
      sink.heading(4, null, "Decision on the merge", "none recorded", Tone.WARN);
      sink.note(Tone.WARN, "No decision on this merge is recorded.");
      return;
    }
    sink.heading(
        4,
        null,
        "Decision on the merge",
        d.approved() ? "approved" : "refused",
        d.approved() ? Tone.GOOD : Tone.BAD);
    List<Fact> facts = new ArrayList<>();
    facts.add(
        new Fact(
            "Decision",
            d.approved() ? "approved" : "refused",
            d.approved() ? Tone.GOOD : Tone.BAD));
    facts.add(new Fact("By", words.clean(d.by())));
    facts.add(new Fact("At", ReportWords.time(d.at())));
    if (d.reason() != null) {
      facts.add(new Fact("Reason", words.clean(d.reason())));
    }
    if (d.endsRun()) {
      facts.add(new Fact("Then", "the run ends"));
    }
    sink.facts(facts);
  }

  void postMerge(RunEvent.PostMergeChecked p) {
    if (p.passed()) {
      sink.note(Tone.GOOD, "Post-merge check on main passed: " + words.clean(p.summary()));
    } else {
      String merge = abbreviate(p.mergeCommit());
      sink.note(
          Tone.BAD,
          "Post-merge check FAILED on main after merge "
              + merge
              + ": "
              + words.clean(p.summary())
              + ". Undo it with: airlock lakehouse revert-merge "
              + merge);
    }
  }
}
