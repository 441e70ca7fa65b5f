package dev.airlock.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.transcript.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VerificationReportTest {
  private static final Instant AT = Instant.parse("2026-11-26T04:00:00Z");

  private static VerificationReport report(Verdict second) {
    CheckResult ok =
        new CheckResult(
            "has_rows:bauplan.fees",
            CheckKind.HAS_ROWS,
            "bauplan.fees",
            Verdict.PASS,
            "bauplan.fees has 1000 rows",
            List.of(
                new Evidence(
                    "SELECT COUNT(*) AS row_count FROM \"bauplan\".\"fees\"",
                    List.of("row_count"),
                    List.of(List.of(1000L)),
                    false,
                    null)));
    CheckResult dup =
        new CheckResult(
            "id_unique:bauplan.fees:ID",
            CheckKind.ID_UNIQUE,
            "bauplan.fees",
            second,
            "ID column ID of bauplan.fees has 1 duplicate rows",
            List.of(
                new Evidence(
                    "SELECT \"ID\", COUNT(*) AS copies FROM fees",
                    List.of("ID", "copies"),
                    List.of(Arrays.asList(7L, 2L), Arrays.asList(null, 2L)),
                    false,
                    null)));
    return new VerificationReport(
        "agent.fees", "0123456789abcdef0123", AT, "builtin:demo", List.of(ok, dup));
  }

  @Test
  void passedOnlyWhenEveryCheckPasses() {
    assertThat(report(Verdict.PASS).passed()).isTrue();
    assertThat(report(Verdict.FAIL).passed()).isFalse();
    assertThat(report(Verdict.ERROR).passed()).isFalse();
    assertThat(report(Verdict.ERROR).problems())
        .extracting(CheckResult::id)
        .containsExactly("id_unique:bauplan.fees:ID");
    assertThat(report(Verdict.FAIL).summary()).isEqualTo("2 checks: 1 passed, 1 failed, 0 errors");
  }

  @Test
  void theJsonShapeIsPinned() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(Verdict.FAIL).toJson());

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "format_version",
            "ref",
            "commit",
            "checked_at",
            "expectations",
            "passed",
            "counts",
            "checks");
    assertThat(json.get("format_version").asInt()).isEqualTo(1);
    assertThat(json.get("commit").asText()).isEqualTo("0123456789abcdef0123");
    assertThat(json.get("checked_at").asText()).isEqualTo("2026-11-26T04:00:00Z");
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("counts").toString())
        .isEqualTo("{\"checks\":2,\"pass\":1,\"fail\":1,\"error\":0}");
    JsonNode check = json.get("checks").get(1);
    assertThat(check.fieldNames())
        .toIterable()
        .containsExactly("id", "kind", "table", "verdict", "summary", "evidence");
    assertThat(check.get("kind").asText()).isEqualTo("id_unique");
    assertThat(check.get("verdict").asText()).isEqualTo("FAIL");
    JsonNode evidence = check.get("evidence").get(0);
    assertThat(evidence.fieldNames())
        .toIterable()
        .containsExactly("sql", "columns", "rows", "truncated", "note");
    assertThat(evidence.get("rows").toString()).isEqualTo("[[7,2],[null,2]]");
  }

  @Test
  void theTextShowsEvidenceOnlyUnderChecksThatDidNotPass() {
    String text = report(Verdict.FAIL).toText();

    assertThat(text)
        .startsWith(
            "Verification of agent.fees at commit 0123456789ab"
                + " (expectations: builtin:demo)\n");
    assertThat(text).contains("PASS  has_rows:bauplan.fees  bauplan.fees has 1000 rows\n");
    assertThat(text).contains("FAIL  id_unique:bauplan.fees:ID  ID column ID");
    assertThat(text).contains("      sql: SELECT \"ID\", COUNT(*) AS copies FROM fees\n");
    assertThat(text)
        .contains("      | ID   | copies\n", "      | 7    | 2     \n", "      | null | 2     \n");
    assertThat(text).doesNotContain("row_count");
    assertThat(text).endsWith("2 checks: 1 passed, 1 failed, 0 errors: NOT PASSED\n");
  }

  @Test
  void evidenceKeepsAFewRowsAndShortensLongText() {
    List<List<Object>> many =
        LongStream.range(0, 50).mapToObj(i -> List.<Object>of(i, "x".repeat(500))).toList();

    Evidence e = new Evidence("SELECT ...", List.of("n", "text"), many, false, null);

    assertThat(e.rows()).hasSize(Evidence.MAX_ROWS);
    assertThat(e.truncated()).isTrue();
    assertThat((String) e.rows().get(0).get(1)).hasSizeLessThan(260).endsWith("(500 characters)");
  }

  @Test
  void aReportReadBackFromItsJsonIsTheSameReportAndKeepsShortenedTextAsWritten() throws Exception {
    CheckResult longText =
        new CheckResult(
            "custom:notes",
            CheckKind.CUSTOM,
            null,
            Verdict.FAIL,
            "1 row breaks the rule",
            List.of(
                new Evidence(
                    "SELECT note FROM notes",
                    List.of("note"),
                    List.of(List.of("y".repeat(500))),
                    false,
                    null)));
    VerificationReport written =
        new VerificationReport("agent.fees", "0123", AT, null, List.of(longText));

    VerificationReport read =
        Json.mapper()
            .readValue(Json.mapper().writeValueAsString(written), VerificationReport.class);

    assertThat(read).isEqualTo(written);
    assertThat((String) read.checks().get(0).evidence().get(0).rows().get(0).get(0))
        .startsWith("y".repeat(200) + "... (500 characters)")
        .hasSize(200 + "... (500 characters)".length());
    assertThat(read.toJson()).isEqualTo(written.toJson());
  }

  @Test
  void anUnknownCheckKindIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                Json.mapper()
                    .readValue(
                        "{\"id\":\"x\",\"kind\":\"freshness\",\"verdict\":\"PASS\","
                            + "\"summary\":\"s\",\"evidence\":[]}",
                        CheckResult.class))
        .hasMessageContaining("no check kind \"freshness\"");
  }
}
