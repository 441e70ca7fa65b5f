package dev.airlock.verify;

import static dev.airlock.verify.VerifyFixture.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import dev.airlock.demo.DemoFormat;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.TableInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on generated demo data: a clean import passes; each planted defect fails. */
class VerifierDemoTest {
  private static final String BRANCH = "agent.demo";
  @TempDir Path home;
  @TempDir Path raw;
  private LocalLakehouse lake;
  private Verifier verifier;

  @BeforeEach
  void open() {
    lake = VerifyFixture.lakehouse(home);
    lake.createBranch(BRANCH, "main");
    verifier = new Verifier(lake, new SourceRowCounter(null));
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private Path generate(DemoFormat format) throws Exception {
    Path dir = raw.resolve(format.extension());
    new DemoDataGenerator().generate(dir, new DemoDataOptions(3000, 7, format));
    return dir;
  }

  private void loadAll(Path dir, String extension) {
    for (String table : DemoDataGenerator.TABLES) {
      VerifyFixture.load(lake, BRANCH, table, dir.resolve(table + "." + extension));
    }
  }

  @Test
  void aCleanDemoImportPassesTheDemoExpectations() throws Exception {
    loadAll(generate(DemoFormat.PARQUET), "parquet");

    VerificationReport report = verifier.verify(BRANCH, ExpectationsLoader.demo());

    assertThat(report.passed()).as(report.toText()).isTrue();
    assertThat(report.count(Verdict.PASS)).isEqualTo(report.checks().size());
    assertThat(report.checks())
        .extracting(CheckResult::id)
        .contains(
            "tables_exist",
            "id_unique:bauplan.payments:psp_reference",
            "source_rows:bauplan.payments",
            "schema:bauplan.payments",
            "required:bauplan.payments",
            "custom:payments_merchants_known",
            "custom:payments_positive_amounts");
  }

  @Test
  void aTimedAuditSaysHowLongEachTablesChecksTookAndFindsWhatTheUntimedOneFinds() throws Exception {
    loadAll(generate(DemoFormat.PARQUET), "parquet");

    TimedReport timed = verifier.verifyTimed(BRANCH, ExpectationsLoader.demo());

    assertThat(timed.tables().keySet())
        .as("every table on the ref, in the report's order")
        .containsExactlyElementsOf(lake.tables(BRANCH).stream().map(TableInfo::fqn).toList());
    assertThat(timed.tables().values()).allMatch(d -> !d.isNegative());
    assertThat(timed.total()).isGreaterThanOrEqualTo(timed.tables().get("bauplan.payments"));
    VerificationReport plain = verifier.verify(BRANCH, ExpectationsLoader.demo());
    assertThat(timed.report().checks())
        .extracting(CheckResult::id, CheckResult::verdict, CheckResult::summary)
        .containsExactlyElementsOf(
            plain.checks().stream().map(c -> tuple(c.id(), c.verdict(), c.summary())).toList());
  }

  @Test
  void plantedDuplicateIdsFailWithTheDuplicatedValuesAsEvidence() throws Exception {
    Path payments = generate(DemoFormat.CSV).resolve("payments.csv");
    List<String> lines = Files.readAllLines(payments, StandardCharsets.UTF_8);
    String duplicated = lines.get(5);
    Files.writeString(payments, duplicated + "\n" + duplicated + "\n", StandardOpenOption.APPEND);
    VerifyFixture.load(lake, BRANCH, "payments", payments);

    VerificationReport report = verifier.verify(BRANCH, Expectations.none());

    CheckResult ids = check(report, "id_unique:bauplan.payments:psp_reference");
    assertThat(ids.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(ids.summary()).contains("2 duplicate rows", "3002 rows", "3000 distinct");
    long psp = Long.parseLong(duplicated.substring(0, duplicated.indexOf(',')));
    assertThat(ids.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.sql()).contains("HAVING COUNT(*) > 1");
              assertThat(e.columns()).containsExactly("psp_reference", "copies");
              assertThat(e.rows()).containsExactly(List.of(psp, 3L));
            });
    // the source holds the same duplicates, so the lineage count still agrees
    assertThat(check(report, "source_rows:bauplan.payments").verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.passed()).isFalse();
  }

  @Test
  void anEmptyTableFails() throws Exception {
    Path fees = generate(DemoFormat.PARQUET).resolve("fees.parquet");
    lake.createTable("fees", fees.toString(), BRANCH, false, VerifyFixture.AGENT);

    VerificationReport report = verifier.verify(BRANCH, Expectations.none());

    CheckResult rows = check(report, "has_rows:bauplan.fees");
    assertThat(rows.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(rows.summary()).contains("0 rows", "empty");
    // The table's counts come from one query; the check shows it with the column it read.
    assertThat(rows.evidence().get(0).sql())
        .isEqualTo(
            "SELECT COUNT(*) AS \"row_count\", COUNT(DISTINCT \"ID\") AS \"distinct_values:ID\","
                + " COUNT(*) - COUNT(\"ID\") AS \"null_values:ID\" FROM \"bauplan\".\"fees\"");
    assertThat(rows.evidence().get(0).columns()).containsExactly("row_count");
    assertThat(rows.evidence().get(0).rows()).containsExactly(List.of(0L));
    assertThat(rows.evidence().get(0).note()).isEqualTo(TableCounts.NOTE);
    assertThat(check(report, "source_rows:bauplan.fees").summary())
        .contains("0 rows", "1000", "1000 rows missing");
  }

  @Test
  void importingTheSameFileTwiceFailsTheSourceRowCount() throws Exception {
    Path fees = generate(DemoFormat.PARQUET).resolve("fees.parquet");
    VerifyFixture.load(lake, BRANCH, "fees", fees);
    lake.importData("fees", fees.toString(), BRANCH, VerifyFixture.AGENT);

    VerificationReport report = verifier.verify(BRANCH, Expectations.none());

    CheckResult source = check(report, "source_rows:bauplan.fees");
    assertThat(source.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(source.summary())
        .contains(
            "2000 rows", "has 1000", "2 times as many: was a source imported more than once?");
    assertThat(source.evidence())
        .extracting(Evidence::sql)
        .containsExactly(
            check(report, "has_rows:bauplan.fees").evidence().get(0).sql(),
            "SELECT COUNT(*) FROM read_parquet(['" + fees + "'], union_by_name=true)");
    assertThat(source.evidence().get(0).rows()).containsExactly(List.of(2000L));
    assertThat(source.evidence().get(1).rows())
        .containsExactly(List.of(fees.toUri().toString(), 1000L));
    assertThat(check(report, "id_unique:bauplan.fees:ID").verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void aSourceThatChangedAfterTheImportFailsTheSourceRowCount() throws Exception {
    Path countries = generate(DemoFormat.CSV).resolve("acquirer_countries.csv");
    VerifyFixture.load(lake, BRANCH, "acquirer_countries", countries);
    List<String> lines = Files.readAllLines(countries, StandardCharsets.UTF_8);
    Files.write(countries, lines.subList(0, lines.size() - 2));

    VerificationReport report = verifier.verify(BRANCH, Expectations.none());

    CheckResult source = check(report, "source_rows:bauplan.acquirer_countries");
    assertThat(source.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(source.summary())
        .contains("10 rows", "has 8", "2 rows more", "the source shrank since the import");
  }

  @Test
  void aWrongTypeFailsAgainstTheDeclaredSchema() throws Exception {
    Path countries = generate(DemoFormat.CSV).resolve("acquirer_countries.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(countries, StandardCharsets.UTF_8));
    for (int i = 1; i < lines.size(); i++) {
      lines.set(i, "A" + lines.get(i));
    }
    Files.write(countries, lines);
    VerifyFixture.load(lake, BRANCH, "acquirer_countries", countries);

    VerificationReport report =
        verifier.verify(BRANCH, VerifyFixture.demoFor(List.of("acquirer_countries")));

    CheckResult schema = check(report, "schema:bauplan.acquirer_countries");
    assertThat(schema.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(schema.summary()).contains("id is string, expected long");
    assertThat(schema.evidence().get(0).rows())
        .contains(Arrays.asList("id", "long", "string", true, "type differs"));
    assertThat(check(report, "required:bauplan.acquirer_countries").verdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void nullsInARequiredColumnFail() throws Exception {
    Path countries = generate(DemoFormat.CSV).resolve("acquirer_countries.csv");
    Files.writeString(countries, "99,lost_bank,\n", StandardOpenOption.APPEND);
    VerifyFixture.load(lake, BRANCH, "acquirer_countries", countries);

    VerificationReport report =
        verifier.verify(BRANCH, VerifyFixture.demoFor(List.of("acquirer_countries")));

    CheckResult required = check(report, "required:bauplan.acquirer_countries");
    assertThat(required.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(required.summary()).contains("country_code (1 nulls)");
    assertThat(required.evidence().get(0).rows()).containsExactly(List.of(0L, 0L, 1L));
  }

  @Test
  void aCustomSqlCheckFailsWithTheOffendingRows() throws Exception {
    Path payments = generate(DemoFormat.CSV).resolve("payments.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(payments, StandardCharsets.UTF_8));
    String[] cells = lines.get(3).split(",", -1);
    cells[8] = "-5.0";
    lines.set(3, String.join(",", cells));
    Files.write(payments, lines);
    VerifyFixture.load(lake, BRANCH, "payments", payments);

    VerificationReport report = verifier.verify(BRANCH, VerifyFixture.demoFor(List.of("payments")));

    CheckResult amounts = check(report, "custom:payments_positive_amounts");
    assertThat(amounts.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(amounts.table()).isEqualTo("bauplan.payments");
    assertThat(amounts.summary()).isEqualTo("payments_positive_amounts: 1 offending row");
    assertThat(amounts.evidence().get(0).rows())
        .containsExactly(List.of(Long.parseLong(cells[0]), -5.0));
    assertThat(check(report, "custom:payments_time_fields_in_range").verdict())
        .isEqualTo(Verdict.PASS);
  }

  @Test
  void aCustomCheckThatCannotRunIsAnErrorWithTheDatabaseMessage() throws Exception {
    VerifyFixture.load(lake, BRANCH, "fees", generate(DemoFormat.PARQUET).resolve("fees.parquet"));
    Expectations broken =
        ExpectationsLoader.parse(
            "checks:\n  - name: typo\n    sql: SELECT * FROM fess\n", "inline.yaml", false);

    VerificationReport report = verifier.verify(BRANCH, broken);

    CheckResult typo = check(report, "custom:typo");
    assertThat(typo.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(typo.summary()).startsWith("could not run:").contains("fess");
    assertThat(typo.evidence().get(0).sql()).isEqualTo("SELECT * FROM fess");
    assertThat(report.passed()).isFalse();
  }
}
