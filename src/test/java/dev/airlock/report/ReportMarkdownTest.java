package dev.airlock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.transcript.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown report: code in fences nothing inside can close, prose that never becomes markup,
 * and a transcript cut short exported up to its last good record, saying where it stops.
 */
class ReportMarkdownTest {
  private static final String MD =
      RunReport.of(HostileRun.history(), Redactor.NONE).render(ReportFormat.MARKDOWN);

  @TempDir Path dir;

  @Test
  void codeIsFencedSoThatNothingInsideClosesTheFence() {
    // CODE_2 holds runs of three and four backticks: its fence has five.
    assertThat(MD).contains("`````python\n" + HostileRun.CODE_2 + "`````\n");
    assertThat(MD).contains("```python\n" + HostileRun.CODE_1 + "```\n");
    assertThat(MD).contains("```diff\n-print('merge')\n+print('merge, edited & checked')\n```");
    assertThat(MD).contains("```python\n" + HostileRun.CODE_3_RUN + "```\n");
  }

  @Test
  void proseOutsideTheFencesHasNoMarkupButTheReportsOwnAnchors() {
    String prose = outsideFences(MD);
    // The reasoning, the summary, the table name, the run id: all there, all escaped.
    assertThat(prose)
        .contains("I will import. \\<script\\>alert(1)\\</script\\>")
        .contains("Summary with \\<script\\>alert(1)\\</script\\>")
        .contains("Airlock run run-\\&-\"onload=alert(2)");
    String withoutAnchors = prose.replaceAll("<a id=\"(turn-\\d+|run|task|outcome)\"></a>", "");
    assertThat(withoutAnchors).doesNotContainPattern("(?<!\\\\)<");
    // Output and feedback are shown exactly, inside fences.
    assertThat(MD).contains("imported </pre>" + HostileRun.SCRIPT + " & done");
    assertThat(MD).contains(HostileRun.FEEDBACK);
  }

  @Test
  void aNulCharacterInTheTextIsNoBackslashThatUndoesTheNextEscape() {
    // A NUL once came out as a bare backslash: "\\<" is a literal backslash and a raw "<", so the
    // model's text became an HTML tag and emphasis.
    String hostile = "\u0000<a href=javascript:alert(1)\u0000> \u0000*loud\u0000*\n1\u0000. item";
    assertThat(MarkdownSink.escape(hostile))
        .isEqualTo(
            "\uFFFD\\<a href=javascript:alert(1)\uFFFD\\> \uFFFD\\*loud\uFFFD\\*\n1\uFFFD. item")
        .doesNotContain("\\\\");
    assertThat(MarkdownSink.inline(hostile)).doesNotContain("\\\\");
    assertThat(MarkdownSink.escape("12. not a list\n  3) nor this"))
        .isEqualTo("12\\. not a list\n  3\\) nor this");
  }

  @Test
  void everyTurnHasItsSectionAndTheOutcomeItsFigures() {
    assertThat(MD)
        .contains("## Turn 1 — ✔ approved, ok")
        .contains("## Turn 2 — ✘ rejected")
        .contains("## Turn 3 — ⚠ approved with edits, error")
        .contains("## Outcome — ✔ done")
        .contains("- **Tokens:** 300 in, 60 out (360 in all)")
        .contains("- **By:** human:bob")
        .contains("| ✘ FAIL | id_unique:orders | 2 duplicate ids \\<b\\> |");
  }

  @Test
  void aPolicyChangeAndABudgetDecisionAreInTheReportWithWhoMadeThem() {
    List<RunEvent> events = new ArrayList<>(HostileRun.events());
    Instant at = events.get(events.size() - 1).at();
    events.addAll(
        events.size() - 1,
        List.of(
            new RunEvent.PolicyChanged(3, at, "ask", "auto", "human:<b>mallory</b>"),
            new RunEvent.BudgetReached(
                3,
                at,
                List.of("tokens"),
                new BudgetFigures(1_400L, null, null),
                new BudgetFigures(1_000L, null, null)),
            new RunEvent.BudgetDecided(
                3, at, "human:bob", "extend", new BudgetFigures(3_000L, null, null), null)));

    String md = RunReport.of(RunHistory.fold(events), Redactor.NONE).render(ReportFormat.MARKDOWN);

    assertThat(md)
        .contains("The approval policy changed from ask to auto, by human:\\<b\\>mallory\\</b\\>")
        .contains("Budget reached after turn 3: 1,400 of 1,000 tokens")
        .contains("Budget decision: human:bob extended the budget to 3,000 tokens");
  }

  @Test
  void aTruncatedTranscriptExportsUpToItsLastGoodRecordAndSaysWhereItStops() throws Exception {
    List<RunEvent> events = HostileRun.events("run-cut");
    int cut = 0;
    while (!(events.get(cut) instanceof RunEvent.ResponseParsed p && p.turn() == 3)) {
      cut++;
    }
    String lines = HostileRun.jsonl(events.subList(0, cut + 1));
    String half = HostileRun.jsonl(List.of(events.get(cut + 1)));
    Path file = dir.resolve("run-cut.jsonl");
    Files.writeString(file, lines + half.substring(0, half.length() / 2));

    String md = RunReport.of(RunHistory.read(file), Redactor.NONE).render(ReportFormat.MARKDOWN);

    assertThat(md).contains(HostileRun.CODE_1, HostileRun.CODE_2, HostileRun.CODE_3_PROPOSED);
    assertThat(md).doesNotContain(HostileRun.CODE_3_RUN);
    assertThat(md)
        .contains("its last line is cut short")
        .contains("this report stops at the transcript's last good record")
        .contains("response parsed of turn 3, at 2026-11-28 10:00:19 UTC")
        .contains("## Outcome — ✘ interrupted");
  }

  @Test
  void aHostileTranscriptExportsWithoutFailing() throws Exception {
    String at = ",\"at\":\"2026-11-28T02:44:49Z\"";
    String t =
        "{\"type\":\"run_started\",\"turn\":0"
            + at
            + ",\"format\":\"airlock-transcript/2\",\"runId\":\"x\\u202ey\",\"model\":null}\n"
            + "{\"type\":\"model_requested\",\"turn\":1"
            + at
            + ",\"messages\":null}\n"
            + "{\"type\":\"decided\",\"turn\":1"
            + at
            + ",\"verdict\":\"APPROVE\",\"by\":null}\n"
            + "{\"type\":\"merge_requested\",\"turn\":2"
            + at
            + ",\"source\":\"a\",\"target\":\"main\",\"changes\":null}\n"
            + "{\"type\":\"merge_decided\",\"turn\":2"
            + at
            + ",\"source\":\"a\",\"target\":\"main\"}\n"
            + "{\"type\":\"run_finished\",\"turn\":0"
            + at
            + ",\"status\":\"FAILED\"}\n";
    Path file = dir.resolve("hostile.jsonl");
    Files.writeString(file, t);
    RunHistory history = RunHistory.read(file);
    for (ReportFormat f : ReportFormat.values()) {
      String report = RunReport.of(history, Redactor.NONE).render(f);
      assertThat(report).contains("U+202E").doesNotContain("\u202e");
    }
  }

  /** The text outside fenced blocks: each fence closes only on a line of its own backticks. */
  private static String outsideFences(String md) {
    StringBuilder prose = new StringBuilder();
    Pattern open = Pattern.compile("^(`{3,})[a-z]*$");
    String fence = null;
    for (String line : md.split("\n")) {
      if (fence == null) {
        Matcher m = open.matcher(line);
        if (m.matches()) {
          fence = m.group(1);
        } else {
          prose.append(line).append('\n');
        }
      } else if (line.equals(fence)) {
        fence = null;
      }
    }
    assertThat(fence).as("every fence is closed").isNull();
    return prose.toString();
  }
}
