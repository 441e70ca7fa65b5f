package dev.airlock.demo;

import static dev.airlock.demo.DuckDbProbe.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.DabstepFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTest {
  @TempDir static Path shared;
  static DemoDataSummary parquet;
  static DuckDbProbe db;

  @BeforeAll
  static void generateDefaultDataset() throws Exception {
    parquet =
        new DemoDataGenerator().generate(shared.resolve("parquet"), DemoDataOptions.defaults());
    db = new DuckDbProbe();
  }

  private static String payments() {
    return file(parquet.table("payments").orElseThrow().file());
  }

  private static String table(String name) {
    return file(parquet.table(name).orElseThrow().file());
  }

  @Test
  void writesOneParquetFilePerTableWithTheDefaultRowCount() throws Exception {
    assertThat(parquet.tables())
        .extracting(DemoDataSummary.WrittenTable::table)
        .containsExactlyElementsOf(DemoDataGenerator.TABLES);
    for (DemoDataSummary.WrittenTable t : parquet.tables()) {
      assertThat(t.file()).hasFileName(t.table() + ".parquet").exists();
      assertThat(t.bytes()).isEqualTo(Files.size(t.file()));
      assertThat(db.scalar("SELECT count(*) FROM " + file(t.file()))).isEqualTo(t.rows());
    }
    assertThat(db.scalar("SELECT count(*) FROM " + payments())).isEqualTo(138_236);
    assertThat(parquet.dir().toFile().list()).hasSize(5); // no scratch files left behind
  }

  @Test
  void paymentsHaveTheDocumentedColumnsInOrderWithTheirTypes() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String name : realPaymentsHeader()) {
      expected.put(
          name,
          switch (name) {
            case "psp_reference",
                "year",
                "hour_of_day",
                "minute_of_hour",
                "day_of_year",
                "card_bin" ->
                "BIGINT";
            case "is_credit", "has_fraudulent_dispute", "is_refused_by_adyen" -> "BOOLEAN";
            case "eur_amount" -> "DOUBLE";
            default -> "VARCHAR";
          });
    }
    assertThat(expected).hasSize(21);
    assertThat(db.describe(payments())).containsExactlyEntriesOf(expected);
  }

  @Test
  void pspReferencesAreUniqueElevenDigitIds() throws Exception {
    assertThat(db.scalar("SELECT count(DISTINCT psp_reference) FROM " + payments()))
        .isEqualTo(138_236);
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + payments()
                    + " WHERE psp_reference NOT BETWEEN 10000000000 AND 99999999999"))
        .isZero();
  }

  @Test
  void paymentValuesStayInTheDocumentedDomains() throws Exception {
    assertThat(db.strings("SELECT DISTINCT card_scheme FROM " + payments() + " ORDER BY 1"))
        .containsExactly("GlobalCard", "NexPay", "SwiftCharge", "TransactPlus");
    assertThat(db.strings("SELECT DISTINCT shopper_interaction FROM " + payments() + " ORDER BY 1"))
        .containsExactly("Ecommerce", "POS");
    assertThat(db.strings("SELECT DISTINCT year FROM " + payments())).containsExactly("2023");
    assertThat(db.strings("SELECT DISTINCT aci FROM " + payments() + " ORDER BY 1"))
        .containsExactly("A", "B", "C", "D", "E", "F", "G");
    List<String> countries = List.of("BE", "ES", "FR", "GR", "IT", "LU", "NL", "SE");
    for (String c : List.of("ip_country", "issuing_country", "acquirer_country")) {
      assertThat(db.strings("SELECT DISTINCT " + c + " FROM " + payments())).isSubsetOf(countries);
    }
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + payments()
                    + " WHERE hour_of_day NOT BETWEEN 0"
                    + " AND 23 OR minute_of_hour NOT BETWEEN 0 AND 59 OR day_of_year NOT BETWEEN 1 AND 365"
                    + " OR eur_amount <= 0 OR card_bin NOT BETWEEN 1000 AND 9999"))
        .isZero();
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + payments()
                    + " WHERE NOT regexp_full_match(card_number, '[A-Za-z0-9_-]{22}')"))
        .isZero();
    // nulls where the real data has them, never in the identifier of the card
    assertThat(db.scalar("SELECT count(*) FROM " + payments() + " WHERE email_address IS NULL"))
        .isPositive();
    assertThat(db.scalar("SELECT count(*) FROM " + payments() + " WHERE ip_address IS NULL"))
        .isPositive();
  }

  @Test
  void paymentsAreConsistentWithMerchantsAndAcquirers() throws Exception {
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + payments()
                    + " p ANTI JOIN "
                    + table("merchant_data")
                    + " m USING (merchant)"))
        .isZero();
    String merchantCountries =
        "SELECT m.merchant, a.country_code FROM "
            + table("merchant_data")
            + " m, unnest(m.acquirer) AS u(name) JOIN "
            + table("acquirer_countries")
            + " a ON a.acquirer = u.name";
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + payments()
                    + " p WHERE NOT EXISTS (SELECT 1 FROM ("
                    + merchantCountries
                    + ") mc WHERE mc.merchant = p.merchant"
                    + " AND mc.country_code = p.acquirer_country)"))
        .isZero();
    assertThat(db.scalar("SELECT count(DISTINCT merchant) FROM " + payments())).isEqualTo(30);
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + table("merchant_data")
                    + " m ANTI JOIN "
                    + table("merchant_category_codes")
                    + " c ON CAST(c.mcc AS BIGINT) = m.merchant_category_code"))
        .isZero();
  }

  @Test
  void contextTablesHaveTheRealFilesColumnNamesAndTypes() throws Exception {
    Path real = DabstepFiles.folder();
    assertThat(db.describe(table("acquirer_countries")))
        .containsExactlyEntriesOf(db.describe(file(real.resolve("acquirer_countries.csv"))));
    assertThat(db.describe(table("merchant_category_codes")))
        .containsExactlyEntriesOf(db.describe(file(real.resolve("merchant_category_codes.csv"))));
    assertThat(db.describe(table("merchant_data")))
        .containsExactlyEntriesOf(db.describe(file(real.resolve("merchant_data.json"))));
    assertThat(db.describe(table("fees")))
        .containsExactlyEntriesOf(db.describe(file(real.resolve("fees.json"))));
    assertThat(db.scalar("SELECT count(*) FROM " + table("fees"))).isEqualTo(1000);
    assertThat(db.scalar("SELECT count(*) FROM " + table("fees") + " WHERE monthly_volume IS NULL"))
        .isGreaterThan(500); // many nulls, as in the real rules
  }

  @Test
  void theSameSeedGivesByteIdenticalCsvAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
    DemoDataOptions options = new DemoDataOptions(5_000, 7, DemoFormat.CSV);
    DemoDataGenerator generator = new DemoDataGenerator();
    generator.generate(dir.resolve("a"), options);
    generator.generate(dir.resolve("b"), options);
    generator.generate(dir.resolve("c"), options.withSeed(8));
    for (String t : DemoDataGenerator.TABLES) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(t + ".csv"));
      assertThat(a).as(t).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(t + ".csv")));
    }
    assertThat(Files.readAllBytes(dir.resolve("c").resolve("payments.csv")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("payments.csv")));
  }

  @Test
  void csvWritesBooleansAsTrueFalseAndReadsBackWithTheSameTypes(@TempDir Path dir)
      throws Exception {
    DemoDataSummary csv =
        new DemoDataGenerator().generate(dir, new DemoDataOptions(3_000, 1, DemoFormat.CSV));
    Path file = csv.table("payments").orElseThrow().file();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3_001);
    assertThat(lines.get(0)).isEqualTo(String.join(",", realPaymentsHeader()));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(21);
      assertThat(List.of(f[7], f[17], f[18])).allMatch(v -> v.equals("True") || v.equals("False"));
    }
    // DuckDB's own CSV sniffer infers the same types the Parquet file declares
    assertThat(db.describe(file(file))).containsExactlyEntriesOf(db.describe(payments()));
    assertThat(
            db.scalar(
                "SELECT count(*) FROM "
                    + file(dir.resolve("fees.csv"))
                    + " WHERE CAST(aci AS VARCHAR[]) IS NULL"))
        .isZero();
  }

  @Test
  void jsonIsOneArrayPerTableWithTheSameColumns(@TempDir Path dir) throws Exception {
    DemoDataSummary json =
        new DemoDataGenerator().generate(dir, new DemoDataOptions(2_000, 3, DemoFormat.JSON));
    assertThat(json.tables()).allMatch(t -> t.file().toString().endsWith(".json"));
    assertThat(Files.readString(dir.resolve("fees.json"))).startsWith("[\n{\"ID\":1,");
    assertThat(db.scalar("SELECT count(*) FROM " + file(dir.resolve("payments.json"))))
        .isEqualTo(2_000);
    assertThat(db.describe(file(dir.resolve("payments.json"))).keySet())
        .containsExactlyElementsOf(realPaymentsHeader());
    assertThat(db.describe(file(dir.resolve("fees.json"))))
        .containsExactlyEntriesOf(db.describe(table("fees")));
  }

  @Test
  void jsonIsDeterministicToo(@TempDir Path dir) throws Exception {
    DemoDataOptions options = new DemoDataOptions(1_500, 11, DemoFormat.JSON);
    new DemoDataGenerator().generate(dir.resolve("a"), options);
    new DemoDataGenerator().generate(dir.resolve("b"), options);
    assertThat(Files.readAllBytes(dir.resolve("a/payments.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b/payments.json")));
  }

  @Test
  void rejectsImpossibleOptions() {
    assertThatThrownBy(() -> new DemoDataOptions(0, 1, DemoFormat.CSV))
        .hasMessageContaining("between 1 and");
    assertThatThrownBy(() -> DemoFormat.parse("xml")).hasMessageContaining("parquet, csv or json");
  }

  /** The header line of the real payments.csv. */
  static List<String> realPaymentsHeader() {
    return DabstepFiles.paymentsHeader();
  }
}
