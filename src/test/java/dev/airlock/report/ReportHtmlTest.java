package dev.airlock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.transcript.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report: every turn is there, everything the run produced reads as text, nothing loads.
 */
class ReportHtmlTest {
  private static final String HTML =
      RunReport.of(HostileRun.history(), Redactor.NONE).render(ReportFormat.HTML);

  /** HTML's escaping, written out here independently of the code under test. */
  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  void everyTurnsCodeIsInTheReportAsWritten() {
    assertThat(HTML)
        .contains(escaped(HostileRun.CODE_1))
        .contains(escaped(HostileRun.CODE_2))
        .contains(escaped(HostileRun.CODE_3_PROPOSED))
        .contains(escaped(HostileRun.CODE_3_RUN))
        .contains(escaped("+print('merge, edited & checked')"));
    assertThat(HTML).contains("id=\"turn-1\"", "id=\"turn-2\"", "id=\"turn-3\"");
    assertThat(HTML).contains("href=\"#turn-1\"", "href=\"#turn-3\"", "href=\"#outcome\"");
  }

  @Test
  void markupPlantedInReasoningOutputAndFeedbackReadsAsText() {
    assertThat(HTML)
        .contains(escaped("I will import. " + HostileRun.SCRIPT))
        .contains(escaped("imported </pre>" + HostileRun.SCRIPT + " & done"))
        .contains(escaped(HostileRun.FEEDBACK))
        .contains(escaped("Traceback: <img src=x onerror=alert(5)>"))
        .contains(escaped(HostileRun.TABLE))
        .contains(escaped(HostileRun.RUN_ID))
        .contains(escaped(HostileRun.MODEL));
    String lower = HTML.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "<img", "<b>", "<i>", "\"onload");
    // No planted </pre> closes a block early: every block opened is closed once.
    assertThat(count(HTML, "<pre")).isEqualTo(count(HTML, "</pre>")).isGreaterThan(5);
  }

  @Test
  void nothingLoadsFromAnywhere() {
    String lower = HTML.toLowerCase(Locale.ROOT);
    assertThat(lower).doesNotContain("<script", "<link", "<iframe", "<img", "@import", "url(");
    assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(lower).find())
        .isFalse();
    assertThat(lower).doesNotContain("http://", "https://");
    assertThat(HTML)
        .startsWith("<!DOCTYPE html>")
        .contains("<style>")
        .contains("default-src 'none'");
  }

  @Test
  void aKeyOfTheEnvironmentIsRedacted() {
    String html =
        RunReport.of(HostileRun.history(), new Redactor(Map.of("OPENAI_API_KEY", HostileRun.KEY)))
            .render(ReportFormat.HTML);
    assertThat(html).doesNotContain(HostileRun.KEY).contains("Key is [redacted OPENAI_API_KEY]");
  }

  @Test
  void theOutcomeUsageAndCostAreShown() {
    assertThat(HTML)
        .contains("the agent claimed done")
        .contains("300 in, 60 out (360 in all)")
        .contains("$0.0123")
        .contains("Summary with " + escaped(HostileRun.SCRIPT))
        .contains("human:bob")
        .contains("id_unique:orders")
        .contains("1234");
  }

  @Test
  void veryLongOutputIsCutWithANoteOnWhatWasLeftOut() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      out.append("line ").append(i).append('\n');
    }
    List<RunEvent> events = new ArrayList<>(HostileRun.events());
    events.replaceAll(
        e ->
            e instanceof RunEvent.ExecutionFinished f && f.turn() == 1
                ? new RunEvent.ExecutionFinished(
                    1, f.at(), "OK", 0, out.toString(), "", 0, 0, null, 10, List.of())
                : e);
    String html = RunReport.of(RunHistory.fold(events), Redactor.NONE).render(ReportFormat.HTML);
    assertThat(html).contains("line 0\n").contains("line 19999").doesNotContain("line 10000\n");
    assertThat(html).containsPattern("\\[… [0-9,]+ characters \\([0-9]+ lines\\) left out");
    assertThat(html.length()).isLessThan(out.length() / 2);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
