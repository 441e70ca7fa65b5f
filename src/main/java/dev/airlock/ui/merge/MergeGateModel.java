package dev.airlock.ui.merge;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.model.Usage;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the merge gate dialog shows, from the engine's evidence bundle, without a toolkit: the
 * heading and the one-line check summary, the tables with their row bars on one scale, the checks
 * with failures first, the provenance rows and the previews. It computes no engine facts: it only
 * orders, scales and words what the evidence says.
 */
public final class MergeGateModel {
  private final MergeEvidence evidence;
  private final String sourceCommit;
  private final String targetCommit;

  public MergeGateModel(MergeEvidence evidence, String sourceCommit, String targetCommit) {
    this.evidence = Objects.requireNonNull(evidence, "evidence");
    this.sourceCommit = sourceCommit;
    this.targetCommit = targetCommit;
  }

  /** Whether the checks ran and what they concluded. */
  public enum ChecksState {
    PASSED,
    FAILED,
    NOT_RUN
  }

  /** One changed table: its rows before and after as fractions of the dialog's common scale. */
  public record TableBars(
      String table,
      String change,
      Long rowsBefore,
      Long rowsAfter,
      double before,
      double after,
      List<String> schemaChanges) {}

  /** One table's provenance as the dialog words it; empty strings where the run did not write. */
  public record ProvenanceRow(
      String table, String turn, String shaShort, String shaFull, String approvedBy, String how) {}

  public String source() {
    return evidence.source();
  }

  public String target() {
    return evidence.target();
  }

  /** "Merge SOURCE into TARGET". */
  public String heading() {
    return "Merge " + evidence.source() + " into " + evidence.target();
  }

  /** The window title: starts with "Merge", as the console's keyboard contract names it. */
  public String title() {
    return heading() + " — review";
  }

  /** The source commit, abbreviated; "?" when unknown. */
  public String sourceCommit() {
    return abbreviate(sourceCommit);
  }

  /** The target commit, abbreviated; "?" when unknown. */
  public String targetCommit() {
    return abbreviate(targetCommit);
  }

  public ChecksState checksState() {
    VerificationReport report = evidence.verification();
    if (report == null) {
      return ChecksState.NOT_RUN;
    }
    return report.passed() ? ChecksState.PASSED : ChecksState.FAILED;
  }

  /**
   * One line: "all 12 checks passed", "2 of 12 checks failed, 1 could not run", or that none ran.
   */
  public String checksSummary() {
    VerificationReport report = evidence.verification();
    if (report == null) {
      return "no checks could run: nothing vouches for this data";
    }
    int total = report.checks().size();
    if (report.passed()) {
      return total == 1 ? "the 1 check passed" : "all " + total + " checks passed";
    }
    long failed = report.count(Verdict.FAIL);
    long errors = report.count(Verdict.ERROR);
    StringBuilder b = new StringBuilder();
    if (failed > 0) {
      b.append(failed).append(" of ").append(total).append(total == 1 ? " check" : " checks");
      b.append(" failed");
    }
    if (errors > 0) {
      b.append(b.length() == 0 ? errors + " of " + total + " checks" : ", " + errors)
          .append(" could not run");
    }
    return b.toString();
  }

  /** "1,697 tokens in / 24 out · $0.0004"; the cost is "cost unknown" when no price was known. */
  public String cost() {
    Usage usage = evidence.usage() == null ? Usage.NONE : evidence.usage();
    return String.format(
            Locale.ROOT, "%,d tokens in / %,d out", usage.inputTokens(), usage.outputTokens())
        + " · "
        + (evidence.costUsd() == null
            ? "cost unknown"
            : String.format(Locale.ROOT, "$%.4f", evidence.costUsd()));
  }

  /**
   * "checked in 1.2 s": how long the audit took in all (checks on every table, previews); empty
   * when the evidence does not say (an older transcript).
   */
  public String auditTime() {
    MergeEvidence.AuditTime time = evidence.auditTime();
    return time == null || time.millis() == null
        ? ""
        : "checked in " + MergeEvidence.AuditTime.words(time.millis());
  }

  /** "checked in 420 ms": one table's checks and preview; empty when unknown. */
  public String checkTime(String table) {
    MergeEvidence.TableTime t = tableTime(table);
    return t == null || t.millis() == null
        ? ""
        : "checked in " + MergeEvidence.AuditTime.words(t.millis());
  }

  /**
   * "checks 400 ms · preview 20 ms" for one table, what it knows of the two; empty when unknown.
   */
  public String checkTimeDetail(String table) {
    MergeEvidence.TableTime t = tableTime(table);
    if (t == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (t.checksMillis() != null) {
      parts.add("checks " + MergeEvidence.AuditTime.words(t.checksMillis()));
    }
    if (t.previewMillis() != null) {
      parts.add("preview " + MergeEvidence.AuditTime.words(t.previewMillis()));
    }
    return String.join(" · ", parts);
  }

  private MergeEvidence.TableTime tableTime(String table) {
    return evidence.auditTime() == null ? null : evidence.auditTime().table(table);
  }

  /** The largest row count before or after among the tables: every bar is drawn on it. */
  public long scale() {
    long max = 0;
    for (RunEvent.TableChange t : evidence.changes()) {
      max = Math.max(max, t.rowsBefore() == null ? 0 : t.rowsBefore());
      max = Math.max(max, t.rowsAfter() == null ? 0 : t.rowsAfter());
    }
    return max;
  }

  public List<TableBars> tables() {
    long scale = scale();
    return evidence.changes().stream()
        .map(
            t ->
                new TableBars(
                    t.table(),
                    t.change(),
                    t.rowsBefore(),
                    t.rowsAfter(),
                    fraction(t.rowsBefore(), scale),
                    fraction(t.rowsAfter(), scale),
                    t.schemaChanges() == null ? List.of() : t.schemaChanges()))
        .toList();
  }

  /** Every check, failures first, then errors, then passes; report order within each. */
  public List<CheckResult> checks() {
    VerificationReport report = evidence.verification();
    if (report == null) {
      return List.of();
    }
    return report.checks().stream()
        .sorted(Comparator.comparingInt(c -> rank(c.verdict())))
        .toList();
  }

  /** The checks that did not pass (failures, then errors). */
  public List<CheckResult> problems() {
    return checks().stream().filter(c -> !c.passed()).toList();
  }

  public List<CheckResult> passes() {
    return checks().stream().filter(CheckResult::passed).toList();
  }

  public List<ProvenanceRow> provenance() {
    if (evidence.provenance() == null) {
      return List.of();
    }
    return evidence.provenance().stream().map(MergeGateModel::row).toList();
  }

  public List<MergeEvidence.TablePreview> previews() {
    return evidence.previews();
  }

  /** A row count as the dialog prints it: grouped digits, "—" when the table is absent. */
  public static String rows(Long rows) {
    return rows == null ? "—" : String.format(Locale.ROOT, "%,d", rows);
  }

  /** A value from a result row or a preview, as a cell shows it. */
  public static String cell(Object value) {
    return value == null ? "null" : shown(value.toString());
  }

  /**
   * The agent's text (a value, a column name) on one line as it is: line breaks shown as \n, never
   * obeyed (a cell shows one line, a second would be hidden), and characters that reorder or hide
   * text shown by their code points.
   */
  public static String shown(String text) {
    return RiskDetector.visible(text.replace("\r", "\\r").replace("\n", "\\n"));
  }

  private static ProvenanceRow row(MergeEvidence.Provenance p) {
    if (p.turn() == null) {
      return new ProvenanceRow(p.table(), "—", "", "", "", "not written by this run");
    }
    String sha = p.codeSha256() == null ? "" : p.codeSha256();
    return new ProvenanceRow(
        p.table(),
        "turn " + p.turn(),
        sha.isEmpty() ? "" : CommitHash.abbreviate(sha),
        sha,
        p.approvedBy() == null ? "" : p.approvedBy(),
        p.how() == null ? "" : p.how());
  }

  private static double fraction(Long rows, long scale) {
    return rows == null || scale == 0 ? 0 : (double) rows / scale;
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case FAIL -> 0;
      case ERROR -> 1;
      case PASS -> 2;
    };
  }

  private static String abbreviate(String commit) {
    return commit == null || commit.isBlank() ? "?" : CommitHash.abbreviate(commit);
  }
}
