package dev.airlock.verify;

import static dev.airlock.verify.VerifyFixture.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.LocalLakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on the real DABStep context files, imported into a branch. */
class VerifierDabstepTest {
  private static final List<String> TABLES =
      List.of("acquirer_countries", "merchant_category_codes", "merchant_data", "fees");
  @TempDir Path home;
  @TempDir Path raw;
  private LocalLakehouse lake;
  private Verifier verifier;

  @BeforeEach
  void importRealFiles() {
    lake = VerifyFixture.lakehouse(home);
    lake.createBranch("agent.dabstep", "main");
    for (String f : VerifyFixture.DABSTEP_FILES) {
      Path file = VerifyFixture.dabstep(f);
      VerifyFixture.load(lake, "agent.dabstep", VerifyFixture.tableName(file), file);
    }
    verifier = new Verifier(lake, new SourceRowCounter(null));
  }

  @AfterEach
  void close() {
    lake.close();
  }

  @Test
  void genericChecksPassOnTheRealFilesAndDetectTheirIdColumns() {
    VerificationReport report = verifier.verify("agent.dabstep", Expectations.none());

    assertThat(report.passed()).as(report.toText()).isTrue();
    assertThat(report.commit()).isEqualTo(lake.resolve("agent.dabstep").hash());
    assertThat(report.checks())
        .extracting(CheckResult::id)
        .contains(
            "id_unique:bauplan.acquirer_countries:id",
            "id_unique:bauplan.merchant_category_codes:id",
            "id_unique:bauplan.fees:ID",
            "source_rows:bauplan.fees",
            "source_rows:bauplan.merchant_category_codes");
    // merchant_category_code is a list of codes in fees and a plain code in merchant_data
    assertThat(report.checks())
        .extracting(CheckResult::id)
        .noneMatch(
            id ->
                id.contains("merchant_category_code")
                    && id.startsWith("id_unique:")
                    && !id.contains("merchant_category_codes:"));
    CheckResult fees = check(report, "source_rows:bauplan.fees");
    assertThat(fees.summary()).contains("1000 rows");
    assertThat(fees.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.sql()).contains("read_json").contains("fees.json");
              assertThat(e.rows())
                  .containsExactly(
                      List.of(VerifyFixture.dabstep("fees.json").toUri().toString(), 1000L));
            });
    CheckResult ids = check(report, "id_unique:bauplan.merchant_category_codes:id");
    assertThat(ids.evidence().get(0).rows()).containsExactly(List.of(769L, 769L, 0L));
  }

  @Test
  void demoExpectationsFitTheRealContextTables() {
    VerificationReport report = verifier.verify("agent.dabstep", VerifyFixture.demoFor(TABLES));

    assertThat(report.passed()).as(report.toText()).isTrue();
    assertThat(report.checks())
        .extracting(CheckResult::id)
        .contains(
            "schema:bauplan.fees",
            "required:bauplan.fees",
            "schema:bauplan.merchant_data",
            "id_unique:bauplan.merchant_data:merchant",
            "id_unique:bauplan.acquirer_countries:acquirer",
            "id_unique:bauplan.merchant_category_codes:mcc",
            "custom:fees_non_negative");
  }

  @Test
  void fullDemoExpectationsReportTheMissingPaymentsTable() {
    VerificationReport report = verifier.verify("agent.dabstep", ExpectationsLoader.demo());

    CheckResult exist = check(report, "tables_exist");
    assertThat(exist.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(exist.summary()).contains("missing 1 of 5", "bauplan.payments");
    // the cross-table check cannot run without payments: an ERROR, not a FAIL
    CheckResult known = check(report, "custom:payments_merchants_known");
    assertThat(known.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(known.evidence().get(0).note()).containsIgnoringCase("payments");
  }

  @Test
  void anUnreachableSourceIsAnErrorNotAFailure() throws Exception {
    Path copy = raw.resolve("acquirer_countries.csv");
    Files.copy(VerifyFixture.dabstep("acquirer_countries.csv"), copy);
    lake.createBranch("agent.moved", "main");
    VerifyFixture.load(lake, "agent.moved", "acquirer_countries", copy);
    Files.delete(copy);

    VerificationReport report = verifier.verify("agent.moved", Expectations.none());

    CheckResult source = check(report, "source_rows:bauplan.acquirer_countries");
    assertThat(source.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(source.summary()).contains("unreachable", copy.toString());
    assertThat(source.evidence())
        .anySatisfy(e -> assertThat(e.note()).contains("no longer exists", "Restore the file"));
    assertThat(report.passed()).isFalse();
    assertThat(check(report, "has_rows:bauplan.acquirer_countries").verdict())
        .isEqualTo(Verdict.PASS);
  }
}
