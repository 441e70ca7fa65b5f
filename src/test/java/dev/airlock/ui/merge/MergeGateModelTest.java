package dev.airlock.ui.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RunEvent;
import dev.airlock.model.Usage;
import dev.airlock.verify.CheckKind;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the merge gate shows, computed from an evidence bundle without a toolkit. */
class MergeGateModelTest {
  private static final String SHA = "b07e42" + "0123456789abcdef".repeat(4).substring(0, 58);

  @Test
  void failuresComeFirstThenErrorsThenPassesEachInReportOrder() {
    MergeGateModel model =
        model(
            report(
                check("has_rows:a", Verdict.PASS),
                check("schema:a", Verdict.ERROR),
                check("id_unique:a", Verdict.FAIL),
                check("has_rows:b", Verdict.PASS),
                check("custom:positive", Verdict.FAIL)));

    assertThat(model.checks())
        .extracting(CheckResult::id)
        .containsExactly("id_unique:a", "custom:positive", "schema:a", "has_rows:a", "has_rows:b");
    assertThat(model.problems())
        .extracting(CheckResult::id)
        .containsExactly("id_unique:a", "custom:positive", "schema:a");
    assertThat(model.passes())
        .extracting(CheckResult::id)
        .containsExactly("has_rows:a", "has_rows:b");
    assertThat(model.checksState()).isEqualTo(MergeGateModel.ChecksState.FAILED);
    assertThat(model.checksSummary()).isEqualTo("2 of 5 checks failed, 1 could not run");
  }

  @Test
  void theSummarySaysWhetherTheChecksPassedFailedOrNeverRan() {
    assertThat(model(report(check("a", Verdict.PASS), check("b", Verdict.PASS))).checksSummary())
        .isEqualTo("all 2 checks passed");
    assertThat(model(report(check("a", Verdict.PASS), check("b", Verdict.PASS))).checksState())
        .isEqualTo(MergeGateModel.ChecksState.PASSED);
    assertThat(model(report(check("a", Verdict.PASS), check("b", Verdict.ERROR))).checksSummary())
        .isEqualTo("1 of 2 checks could not run");
    MergeGateModel none = model(null);
    assertThat(none.checksState()).isEqualTo(MergeGateModel.ChecksState.NOT_RUN);
    assertThat(none.checksSummary()).startsWith("no checks could run");
    assertThat(none.checks()).isEmpty();
  }

  @Test
  void everyBarIsDrawnOnTheLargestRowCountBeforeOrAfter() {
    MergeGateModel model =
        new MergeGateModel(
            evidence(
                List.of(
                    new RunEvent.TableChange(
                        "bauplan.merchants", "changed", 30L, 50L, List.of("+country string")),
                    new RunEvent.TableChange("bauplan.payments", "added", null, 200L, List.of()),
                    new RunEvent.TableChange("bauplan.old", "removed", 100L, null, List.of())),
                null,
                List.of()),
            "c1",
            "c0");

    assertThat(model.scale()).isEqualTo(200);
    assertThat(model.tables())
        .extracting(
            MergeGateModel.TableBars::table,
            MergeGateModel.TableBars::before,
            MergeGateModel.TableBars::after)
        .containsExactly(
            tuple("bauplan.merchants", 0.15, 0.25),
            tuple("bauplan.payments", 0.0, 1.0),
            tuple("bauplan.old", 0.5, 0.0));
    assertThat(model.tables().get(0).schemaChanges()).containsExactly("+country string");
    assertThat(MergeGateModel.rows(12_345L)).isEqualTo("12,345");
    assertThat(MergeGateModel.rows(null)).isEqualTo("—");
  }

  @Test
  void tablesWithNoRowsAnywhereHaveEmptyBarsRatherThanADivisionByZero() {
    MergeGateModel model =
        new MergeGateModel(
            evidence(
                List.of(new RunEvent.TableChange("bauplan.empty", "added", null, 0L, List.of())),
                null,
                List.of()),
            "c1",
            "c0");

    assertThat(model.scale()).isZero();
    assertThat(model.tables().get(0).after()).isZero();
  }

  @Test
  void provenanceRowsShortenTheShaKeepTheFullOneAndSayWhatTheRunDidNotWrite() {
    MergeGateModel model =
        new MergeGateModel(
            evidence(
                List.of(),
                null,
                List.of(
                    new MergeEvidence.Provenance(
                        "bauplan.merchants", 2, SHA, "human:alice", "edited"),
                    new MergeEvidence.Provenance("bauplan.fx", null, null, null, null))),
            "c1",
            "c0");

    assertThat(model.provenance())
        .containsExactly(
            new MergeGateModel.ProvenanceRow(
                "bauplan.merchants", "turn 2", SHA.substring(0, 12), SHA, "human:alice", "edited"),
            new MergeGateModel.ProvenanceRow(
                "bauplan.fx", "—", "", "", "", "not written by this run"));
  }

  @Test
  void headingTitleCommitsAndCostAreWordedForAPerson() {
    MergeGateModel model =
        new MergeGateModel(
            evidence(List.of(), null, List.of()), "4dc454a17a7a0123456789abcdef012345678901", null);

    assertThat(model.heading()).isEqualTo("Merge alice.airlock_run into main");
    assertThat(model.title()).startsWith("Merge alice.airlock_run into main");
    assertThat(model.sourceCommit()).isEqualTo("4dc454a17a7a");
    assertThat(model.targetCommit()).isEqualTo("?");
    assertThat(model.cost()).isEqualTo("11,842 tokens in / 1,305 out · $0.0418");
    MergeEvidence unpriced =
        new MergeEvidence("b", "main", List.of(), null, List.of(), null, null, null, null);
    assertThat(new MergeGateModel(unpriced, null, null).cost())
        .isEqualTo("0 tokens in / 0 out · cost unknown");
    assertThat(new MergeGateModel(unpriced, null, null).previews())
        .as("evidence read from an older transcript has no previews")
        .isEmpty();
  }

  @Test
  void auditTimesAreWordedPerTableAndInAllAndAreBlankWhenUnknown() {
    MergeEvidence timed =
        new MergeEvidence(
            "b",
            "main",
            List.of(),
            null,
            List.of(),
            null,
            null,
            List.of(),
            new MergeEvidence.AuditTime(
                61_500L,
                List.of(
                    new MergeEvidence.TableTime("bauplan.payments", 400L, 20L),
                    new MergeEvidence.TableTime("bauplan.fees", 1_250L, null),
                    new MergeEvidence.TableTime("bauplan.gone", null, 0L))));
    MergeGateModel model = new MergeGateModel(timed, null, null);

    assertThat(model.auditTime()).isEqualTo("checked in 1 min 1 s");
    assertThat(model.checkTime("bauplan.payments")).isEqualTo("checked in 420 ms");
    assertThat(model.checkTimeDetail("bauplan.payments"))
        .isEqualTo("checks 400 ms · preview 20 ms");
    assertThat(model.checkTime("bauplan.fees")).isEqualTo("checked in 1.3 s");
    assertThat(model.checkTimeDetail("bauplan.fees")).isEqualTo("checks 1.3 s");
    assertThat(model.checkTime("bauplan.gone")).isEqualTo("checked in <1 ms");
    assertThat(model.checkTime("bauplan.other")).isEmpty();
    MergeGateModel older =
        new MergeGateModel(
            new MergeEvidence("b", "main", List.of(), null, List.of(), null, null, null, null),
            null,
            null);
    assertThat(older.auditTime()).as("an older transcript: unknown, not zero").isEmpty();
    assertThat(older.checkTime("bauplan.payments")).isEmpty();
  }

  private static MergeGateModel model(VerificationReport report) {
    return new MergeGateModel(evidence(List.of(), report, List.of()), "c1", "c0");
  }

  private static MergeEvidence evidence(
      List<RunEvent.TableChange> changes,
      VerificationReport report,
      List<MergeEvidence.Provenance> provenance) {
    return new MergeEvidence(
        "alice.airlock_run",
        "main",
        changes,
        report,
        provenance,
        new Usage(11_842, 1_305),
        0.0418,
        List.of(),
        null);
  }

  private static VerificationReport report(CheckResult... checks) {
    return new VerificationReport(
        "alice.airlock_run", "c1", Instant.parse("2026-11-28T05:00:00Z"), "test", List.of(checks));
  }

  private static CheckResult check(String id, Verdict verdict) {
    return new CheckResult(id, CheckKind.CUSTOM, null, verdict, id + " " + verdict, List.of());
  }

  @Test
  void aValueShowsItsLineBreaksAndHiddenCharactersInsteadOfObeyingThem() {
    assertThat(MergeGateModel.cell("ok\r\nfraud\u202e\u200b\u001b[8m"))
        .isEqualTo("ok\\r\\nfraud<U+202E><U+200B><U+001B>[8m");
    assertThat(MergeGateModel.cell(null)).isEqualTo("null");
    assertThat(MergeGateModel.cell(42L)).isEqualTo("42");
  }
}
