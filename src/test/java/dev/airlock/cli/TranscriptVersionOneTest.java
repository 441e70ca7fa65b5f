package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import dev.airlock.transcript.Json;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real version 1 transcript, recorded by main at 4f7bf7c (before reports were typed): a scripted
 * agent loads the demo data with duplicated payments twice. The supervisor refuses the first merge
 * with a reason, approves the second despite its failing checks, and the post-merge check on main
 * fails. {@code .replay.txt} is what replay prints for it (regenerated when the replay rendering
 * changed, never by hand).
 */
class TranscriptVersionOneTest {
  private static final Path V1 =
      Path.of("src/test/resources/transcripts/v1-refused-then-merged.jsonl");
  private static final Path V1_REPLAY =
      Path.of("src/test/resources/transcripts/v1-refused-then-merged.replay.txt");

  @Test
  void aVersionOneTranscriptReplaysWithTheSameTextAsWhenItWasWritten() throws Exception {
    RunHistory h = RunHistory.read(V1);

    assertThat(h.started().format()).isEqualTo("airlock-transcript/1");
    assertThat(h.skippedLines()).isEmpty();
    assertThat(ReplayText.replay(h)).isEqualTo(Files.readString(V1_REPLAY));
    assertThat(ReplayText.replay(h))
        .contains(
            "  checks: FAILED {checks=37, pass=35, fail=2, error=0}\n"
                + "    ✘ FAIL id_unique:bauplan.payments:psp_reference: ID column psp_reference"
                + " of bauplan.payments has 300 duplicate rows (600 rows, 300 distinct values)\n"
                + "        SQL: SELECT COUNT(*) AS row_count, COUNT(DISTINCT \"psp_reference\")",
            "✘ POST-MERGE CHECK FAILED on main after merge f5325d7e4dc6: 37 checks: 35 passed, 2 failed, 0 errors");
  }

  @Test
  void itsMapShapedReportsAreReadAsTypedReports() throws Exception {
    List<TurnRecord> turns = RunHistory.read(V1).turns();
    VerificationReport refused = turns.get(0).merges().get(0).verification();
    VerificationReport merged = turns.get(1).merges().get(0).verification();
    VerificationReport onMain = turns.get(1).postMergeChecks().get(0).report();
    assertThat(turns.get(0).merges().get(0).previews())
        .as("written before merge requests carried previews")
        .isNull();
    assertThat(turns.get(0).merges().get(0).tablePreviews()).isEmpty();

    for (VerificationReport report : List.of(refused, merged, onMain)) {
      assertThat(report.expectations()).isEqualTo("builtin:demo");
      assertThat(report.passed()).isFalse();
      assertThat(report.counts()).isEqualTo(new VerificationReport.Counts(37, 35, 2, 0));
      assertThat(report.problems())
          .extracting(CheckResult::id, CheckResult::table, CheckResult::verdict)
          .containsExactly(
              tuple("id_unique:bauplan.payments:psp_reference", "bauplan.payments", Verdict.FAIL),
              tuple("source_rows:bauplan.payments", "bauplan.payments", Verdict.FAIL));
      Evidence counted = report.problems().get(0).evidence().get(0);
      assertThat(counted.sql()).startsWith("SELECT COUNT(*) AS row_count");
      assertThat(counted.columns()).containsExactly("row_count", "distinct_values", "null_values");
      assertThat(counted.rows().toString()).isEqualTo("[[600, 300, 0]]");
    }
    assertThat(onMain.ref())
        .isEqualTo("main@" + turns.get(1).postMergeChecks().get(0).mergeCommit());
  }

  @Test
  void writtenAgainAsVersionTwoEachReportIsTheJsonVersionOneStored() throws Exception {
    List<JsonNode> stored = new ArrayList<>();
    List<JsonNode> rewritten = new ArrayList<>();
    for (String line : Files.readAllLines(V1)) {
      JsonNode node = Json.mapper().readTree(line);
      String field =
          switch (node.get("type").asText()) {
            case "merge_requested" -> "verification";
            case "post_merge_checked" -> "report";
            default -> null;
          };
      if (field != null) {
        stored.add(node.get(field));
        RunEvent event = Json.mapper().readValue(line, RunEvent.class);
        rewritten.add(Json.mapper().readTree(Json.mapper().writeValueAsString(event)).get(field));
      }
    }

    assertThat(stored).hasSize(3);
    assertThat(rewritten).isEqualTo(stored);
  }
}
