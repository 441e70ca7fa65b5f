package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTextTest {
  private static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");

  @Test
  void aCallShowsOnlyTheParametersThatSaySomethingAndAClippedOutcome() {
    RunEvent.LakehouseCall call =
        new RunEvent.LakehouseCall(
            1,
            AT,
            "query",
            Map.of("sql", "select 1\nfrom t"),
            false,
            null,
            "InvalidSql",
            "x".repeat(500),
            7);
    assertThat(OutputText.call(call)).isEqualTo("query {sql=select 1 from t}");
    assertThat(OutputText.callOutcome(call))
        .startsWith("→ InvalidSql: xxx")
        .endsWith("… · 7 ms")
        .hasSize("→ InvalidSql: ".length() + OutputText.MAX_PARAMS + "… · 7 ms".length());
  }

  @Test
  void aCallsTextShowsHiddenCharactersByCodePoint() {
    RunEvent.LakehouseCall call =
        new RunEvent.LakehouseCall(
            1,
            AT,
            "query",
            Map.of("sql", "select 1 -- \u202e\u001b[2K"),
            false,
            null,
            "InvalidSql",
            "near \u200b\r",
            7);
    assertThat(OutputText.call(call)).isEqualTo("query {sql=select 1 -- <U+202E><U+001B>[2K}");
    assertThat(OutputText.callOutcome(call))
        .isEqualTo("→ InvalidSql: near <U+200B><U+000D> · 7 ms");
  }

  @Test
  void statusAndMarkersUseTheCommandLinesWords() {
    RunEvent.ExecutionFinished timeout =
        new RunEvent.ExecutionFinished(
            1, AT, "TIMEOUT", null, "", "", 0, 0, "killed after 300 s", 300_000, null);
    assertThat(OutputText.status(timeout)).isEqualTo("timeout in 300.00 s");
    assertThat(OutputText.cutMarker("stderr", 1_048_576))
        .isEqualTo("--- output cut: 1,048,576 bytes of stderr not kept ---");
    assertThat(OutputText.hiddenLines(1)).startsWith("... 1 earlier line not shown");
  }
}
