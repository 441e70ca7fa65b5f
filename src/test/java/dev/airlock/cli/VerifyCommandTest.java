package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.DabstepFiles;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path home;
  @TempDir Path raw;
  private CliRunner.Result last;

  @BeforeEach
  void loadBranches() throws Exception {
    Path fees = DabstepFiles.file("fees.json");
    Path dup = raw.resolve("countries.csv");
    Files.writeString(dup, "id,acquirer,country_code\n0,gringotts,GB\n0,medici,IT\n");
    WriteContext ctx = WriteContext.user("tester");
    try (LocalLakehouse lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null)) {
      lake.createBranch("good", "main");
      lake.createTable("fees", fees.toString(), "good", false, ctx);
      lake.importData("fees", fees.toString(), "good", ctx);
      lake.createBranch("bad", "main");
      lake.createTable("acquirer_countries", dup.toString(), "bad", false, ctx);
      lake.importData("acquirer_countries", dup.toString(), "bad", ctx);
    }
  }

  private int verify(String... args) {
    last = CliRunner.run(new String[] {"verify", "--home", home.toString()}, args);
    return last.exit();
  }

  private String out() {
    return last.out();
  }

  private String err() {
    return last.err();
  }

  @Test
  void aCleanBranchExitsZeroWithTheReport() {
    assertThat(verify("good")).as(out() + err()).isEqualTo(ExitCodes.OK);
    assertThat(out())
        .startsWith("Verification of good at commit ")
        .contains("PASS  id_unique:bauplan.fees:ID", "PASS  source_rows:bauplan.fees")
        .endsWith(": PASSED\n");
  }

  @Test
  void duplicateIdsExitOneAndTheJsonCarriesTheEvidence() throws Exception {
    assertThat(verify("bad", "--json")).isEqualTo(ExitCodes.FAILED);

    JsonNode report = new ObjectMapper().readTree(out());
    assertThat(report.get("ref").asText()).isEqualTo("bad");
    assertThat(report.get("passed").asBoolean()).isFalse();
    JsonNode ids = null;
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals("id_unique:bauplan.acquirer_countries:id")) {
        ids = c;
      }
    }
    assertThat(ids).isNotNull();
    assertThat(ids.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(ids.get("evidence").get(1).get("rows").toString()).isEqualTo("[[0,2]]");
  }

  @Test
  void theTextNamesTheFailureAndShowsItsEvidence() {
    assertThat(verify("bad")).isEqualTo(ExitCodes.FAILED);
    assertThat(out())
        .contains(
            "FAIL  id_unique:bauplan.acquirer_countries:id",
            "sql: SELECT \"id\", COUNT(*) AS copies",
            "NOT PASSED");
  }

  @Test
  void builtinDemoExpectationsReportMissingTables() {
    assertThat(verify("good", "--expect", "builtin:demo")).isEqualTo(ExitCodes.FAILED);
    assertThat(out())
        .contains(
            "FAIL  tables_exist  missing 4 of 5 expected tables", "PASS  schema:bauplan.fees");
  }

  @Test
  void aBadExpectationsFileExitsTwoNamingFileAndLine() throws Exception {
    Path bad = raw.resolve("expect.yaml");
    Files.writeString(bad, "tables:\n  fees:\n    colums: []\n");

    assertThat(verify("good", "--expect", bad.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains(bad.toString(), "line 3", "unknown field 'colums'", "columns");
    assertThat(out()).isEmpty();
  }

  @Test
  void anUnknownRefExitsTwo() {
    assertThat(verify("nope")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).startsWith("error: ").contains("nope");
  }
}
