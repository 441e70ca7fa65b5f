package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path home;
  @TempDir Path raw;
  private final PrintStream oldOut = System.out;
  private final PrintStream oldErr = System.err;
  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  @BeforeEach
  void loadBranches() throws Exception {
    Path fees = Path.of(System.getProperty("airlock.shared", "../shared"), "dabstep", "fees.json")
        .toAbsolutePath();
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

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int verify(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String[] all = new String[args.length + 3];
    all[0] = "verify";
    all[1] = "--home";
    all[2] = home.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Main.execute(all);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCleanBranchExitsZeroWithTheReport() {
    assertThat(verify("good")).as(out() + err()).isEqualTo(ExitCodes.OK);
    assertThat(out()).startsWith("Verification of good at commit ")
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
    assertThat(out()).contains("FAIL  id_unique:bauplan.acquirer_countries:id",
        "sql: SELECT \"id\", COUNT(*) AS copies", "NOT PASSED");
  }

  @Test
  void builtinDemoExpectationsReportMissingTables() {
    assertThat(verify("good", "--expect", "builtin:demo")).isEqualTo(ExitCodes.FAILED);
    assertThat(out()).contains("FAIL  tables_exist  missing 4 of 5 expected tables",
        "PASS  schema:bauplan.fees");
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
