package dev.airlock.lakehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Deterministic, DABStep-shaped payments for the lakehouse's {@code airlock bench} figures, written
 * by DuckDB from {@code range()} and {@code hash()} (the same rows every time).
 */
final class BenchPayments {
  /** The DABStep payments file's row count. */
  static final long DABSTEP_ROWS = 138_236;

  private static final String COUNTRIES = "['SE','NL','LU','IT','BE','FR','GR','ES']";

  private BenchPayments() {}

  /** The 21 documented payments columns as CSV with a header, as an agent meets them. */
  static void writeCsv(Path csv, long rows) throws SQLException {
    copy(
        "SELECT 10000000000 + i * 7919 AS psp_reference, "
            + MERCHANT
            + ", "
            + SCHEME
            + ", 2023 AS year, (hash(i + 2) % 24)::INT AS hour_of_day,"
            + " (hash(i + 3) % 60)::INT AS minute_of_hour, "
            + DAY
            + ", "
            + CREDIT
            + ", "
            + AMOUNT
            + ", "
            + COUNTRIES
            + "[1 + (hash(i + 7) % 8)::INT] AS ip_country, "
            + ISSUING
            + ", (['Windows','Linux','MacOS','iOS','Android','Other'])[1 + (hash(i + 9) % 6)::INT]"
            + " AS device_type, CASE WHEN i % 7 = 0 THEN NULL ELSE md5('ip' || i) END AS"
            + " ip_address, CASE WHEN i % 9 = 0 THEN NULL ELSE md5('mail' || i) END AS"
            + " email_address, md5('card' || (i % 40000)) AS card_number,"
            + " (['Ecommerce','POS'])[1 + (hash(i + 10) % 2)::INT] AS shopper_interaction,"
            + " 4000 + (hash(i + 11) % 600)::INT AS card_bin, hash(i + 12) % 13 = 0 AS"
            + " has_fraudulent_dispute, hash(i + 13) % 17 = 0 AS is_refused_by_adyen, "
            + ACI
            + ", "
            + COUNTRIES
            + "[1 + (hash(i + 15) % 8)::INT] AS acquirer_country FROM range("
            + rows
            + ") r(i)",
        csv,
        "HEADER, DELIMITER ','");
  }

  /**
   * The payments columns queries group and sum by (merchant, card scheme, amount, credit, day,
   * issuing country, ACI) as zstd Parquet: millions of rows in seconds, where the hashed text
   * columns took a minute per 10M rows on a loaded 2-core machine.
   */
  static void writeParquet(Path parquet, long rows) throws SQLException {
    copy(
        "SELECT 10000000000 + i * 7919 AS psp_reference, "
            + String.join(", ", MERCHANT, SCHEME, DAY, CREDIT, AMOUNT, ISSUING, ACI)
            + " FROM range("
            + rows
            + ") r(i)",
        parquet,
        "FORMAT parquet, COMPRESSION zstd");
  }

  private static final String MERCHANT =
      "(['Crossfit_Hanna','Belles_cookbook_store','Golfclub_Baron_Friso',"
          + "'Martinis_Fine_Steakhouse','Rafa_AI'])[1 + (hash(i) % 5)::INT] AS merchant";
  private static final String SCHEME =
      "(['GlobalCard','NexPay','TransactPlus','SwiftCharge'])[1 + (hash(i + 1) % 4)::INT]"
          + " AS card_scheme";
  private static final String DAY = "1 + (hash(i + 4) % 365)::INT AS day_of_year";
  private static final String CREDIT = "hash(i + 5) % 2 = 0 AS is_credit";
  private static final String AMOUNT = "round((hash(i + 6) % 50000) / 100.0, 2) AS eur_amount";
  private static final String ISSUING =
      COUNTRIES + "[1 + (hash(i + 8) % 8)::INT] AS issuing_country";
  private static final String ACI =
      "(['A','B','C','D','E','F','G'])[1 + (hash(i + 14) % 7)::INT] AS aci";

  private static void copy(String select, Path to, String options) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (" + select + ") TO " + DuckEngine.quote(to.toString()) + " (" + options + ")");
    }
  }
}
