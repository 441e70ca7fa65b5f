package dev.airlock.lakehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the lakehouse's costs against DuckDB doing the same work alone, as ratios from one run:
 * branch creation at 10M vs 1k rows, importing a 138,236-row payments CSV vs DuckDB's own CSV to
 * Parquet copy, and a group-by on a branch vs the same SQL on the same Parquet files. Medians of
 * several repetitions. Usage: {@code LakehouseBenchmark [WORK_DIR [queries]]} (default: a temp
 * folder; {@code queries} skips the 10M-row branching part).
 */
public final class LakehouseBenchmark {
  static final int PAYMENTS_ROWS = 138_236;
  private static final WriteContext BENCH = WriteContext.user("benchmark");
  private static final String GROUP_BY =
      "SELECT merchant, card_scheme, count(*) AS n,"
          + " sum(eur_amount) AS total, avg(eur_amount) AS mean FROM payments GROUP BY ALL";

  private static final String SMALL =
      "SELECT count(*) AS n FROM payments WHERE merchant = 'Rafa_AI'";

  private final Path work;
  private final boolean queriesOnly;

  LakehouseBenchmark(Path work, boolean queriesOnly) {
    this.work = work;
    this.queriesOnly = queriesOnly;
  }

  public static void main(String[] args) throws Exception {
    Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("airlock-bench");
    try {
      new LakehouseBenchmark(work, args.length > 1 && args[1].equals("queries")).run();
    } finally {
      if (args.length == 0) {
        deleteTree(work);
      }
    }
  }

  void run() throws Exception {
    try (LocalLakehouse lake =
        new LocalLakehouse(work.resolve("home"), MergeGate.approveAll(), null, null)) {
      if (!queriesOnly) {
        branching(lake);
      }
      Path csv = work.resolve("payments.csv");
      writePaymentsCsv(csv);
      importing(lake, csv);
      querying(lake);
    }
  }

  private void branching(LocalLakehouse lake) throws Exception {
    Path big = work.resolve("big.parquet");
    Path small = work.resolve("small.parquet");
    duck(
        "COPY (SELECT range AS id, range % 1000 AS k, range * 0.5 AS v FROM range(10000000))"
            + " TO "
            + DuckEngine.quote(big.toString())
            + " (FORMAT parquet)");
    duck(
        "COPY (SELECT range AS id, range % 1000 AS k, range * 0.5 AS v FROM range(1000))"
            + " TO "
            + DuckEngine.quote(small.toString())
            + " (FORMAT parquet)");
    for (String b : List.of("big", "small")) {
      lake.createBranch(b, "main");
      Path src = b.equals("big") ? big : small;
      lake.createTable("t", src.toString(), b, false, BENCH);
      lake.importData("t", src.toString(), b, BENCH);
    }
    System.out.printf(
        "rows: big %,d, small %,d%n",
        lake.table("big", "t").records(), lake.table("small", "t").records());
    double[] ms =
        compare(
            40,
            i -> lake.createBranch("from_big_" + i, "big"),
            i -> lake.createBranch("from_small_" + i, "small"));
    double bigMs = ms[0];
    double smallMs = ms[1];
    System.out.printf(
        "branch creation: 10M rows %.2f ms, 1k rows %.2f ms, ratio %.2f%n",
        bigMs, smallMs, bigMs / smallMs);
  }

  private void importing(LocalLakehouse lake, Path csv) throws Exception {
    lake.createBranch("pay", "main");
    lake.createTable("payments", csv.toString(), "pay", false, BENCH);
    double[] ms =
        compare(
            5,
            i -> lake.importData("payments", csv.toString(), "pay", BENCH),
            i ->
                duck(
                    "COPY (SELECT * FROM read_csv("
                        + DuckEngine.quote(csv.toString())
                        + ")) TO "
                        + DuckEngine.quote(work.resolve("copy" + i + ".parquet").toString())
                        + " (FORMAT parquet, COMPRESSION zstd)"));
    double lakeMs = ms[0];
    double duckMs = ms[1];
    System.out.printf(
        "import of %,d-row payments CSV: lakehouse %.1f ms, DuckDB COPY %.1f ms," + " ratio %.2f%n",
        PAYMENTS_ROWS, lakeMs, duckMs, lakeMs / duckMs);
  }

  private void querying(LocalLakehouse lake) throws Exception {
    TableInfo t = lake.table("pay", "payments");
    String files =
        t.dataFiles().stream()
            .map(f -> DuckEngine.quote(lake.warehouse().resolve(f).toString()))
            .collect(Collectors.joining(", ", "[", "]"));
    String direct = GROUP_BY.replace("FROM payments", "FROM read_parquet(" + files + ")");
    double[] fresh = compare(9, i -> lake.query(GROUP_BY, "pay", null), i -> duck(direct));
    double lakeMs = fresh[0];
    double freshMs = fresh[1];
    double warmMs;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      double[] warm = compare(9, i -> lake.query(GROUP_BY, "pay", null), i -> drain(c, direct));
      lakeMs = Math.min(lakeMs, warm[0]);
      warmMs = warm[1];
    }
    System.out.printf(
        "group-by on %,d rows: lakehouse %.1f ms, DuckDB direct %.1f ms (ratio"
            + " %.2f), DuckDB direct on a warm connection %.1f ms (ratio %.2f)%n",
        t.records(), lakeMs, freshMs, lakeMs / freshMs, warmMs, lakeMs / warmMs);
    String smallDirect = SMALL.replace("FROM payments", "FROM read_parquet(" + files + ")");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      double[] small = compare(41, i -> lake.query(SMALL, "pay", null), i -> drain(c, smallDirect));
      System.out.printf(
          "small query (a filtered count): lakehouse %.2f ms, DuckDB direct on a warm"
              + " connection %.2f ms, ratio %.2f%n",
          small[0], small[1], small[0] / small[1]);
      // The read-only check of a query of the same shape (its cost is the parse and the walk).
      String shape = "SELECT count(*) AS n FROM range(10) r(merchant) WHERE merchant = 'Rafa_AI'";
      BoundTables none = new BoundTables(Map.of(), Map.of());
      double[] check =
          compare(41, i -> ReadOnlyQuery.check(c, shape, none, "pay"), i -> drain(c, "SELECT 1"));
      System.out.printf(
          "read-only check of that query: %.2f ms (%.1f%% of the lakehouse query;"
              + " a bare SELECT 1 round trip %.2f ms)%n",
          check[0], 100 * check[0] / small[0], check[1]);
    }
  }

  /** A DABStep-shaped payments CSV with the 21 documented columns, deterministic. */
  void writePaymentsCsv(Path csv) throws SQLException {
    String countries = "['SE','NL','LU','IT','BE','FR','GR','ES']";
    duck(
        "COPY (SELECT 10000000000 + i * 7919 AS psp_reference,"
            + " (['Crossfit_Hanna','Belles_cookbook_store','Golfclub_Baron_Friso',"
            + "'Martinis_Fine_Steakhouse','Rafa_AI'])[1 + (hash(i) % 5)::INT] AS merchant,"
            + " (['GlobalCard','NexPay','TransactPlus','SwiftCharge'])[1 + (hash(i + 1) % 4)::INT]"
            + " AS card_scheme, 2023 AS year, (hash(i + 2) % 24)::INT AS hour_of_day,"
            + " (hash(i + 3) % 60)::INT AS minute_of_hour, 1 + (hash(i + 4) % 365)::INT AS"
            + " day_of_year, hash(i + 5) % 2 = 0 AS is_credit,"
            + " round((hash(i + 6) % 50000) / 100.0, 2) AS eur_amount,"
            + " "
            + countries
            + "[1 + (hash(i + 7) % 8)::INT] AS ip_country,"
            + " "
            + countries
            + "[1 + (hash(i + 8) % 8)::INT] AS issuing_country,"
            + " (['Windows','Linux','MacOS','iOS','Android','Other'])[1 + (hash(i + 9) % 6)::INT]"
            + " AS device_type, CASE WHEN i % 7 = 0 THEN NULL ELSE md5('ip' || i) END AS"
            + " ip_address, CASE WHEN i % 9 = 0 THEN NULL ELSE md5('mail' || i) END AS"
            + " email_address, md5('card' || (i % 40000)) AS card_number,"
            + " (['Ecommerce','POS'])[1 + (hash(i + 10) % 2)::INT] AS shopper_interaction,"
            + " 4000 + (hash(i + 11) % 600)::INT AS card_bin, hash(i + 12) % 13 = 0 AS"
            + " has_fraudulent_dispute, hash(i + 13) % 17 = 0 AS is_refused_by_adyen,"
            + " (['A','B','C','D','E','F','G'])[1 + (hash(i + 14) % 7)::INT] AS aci,"
            + " "
            + countries
            + "[1 + (hash(i + 15) % 8)::INT] AS acquirer_country"
            + " FROM range("
            + PAYMENTS_ROWS
            + ") r(i)) TO "
            + DuckEngine.quote(csv.toString())
            + " (HEADER, DELIMITER ',')");
  }

  @FunctionalInterface
  interface Step {
    Object run(int i) throws Exception;
  }

  /** Medians of {@code a} and {@code b} run alternately, so load from elsewhere hits both. */
  private static double[] compare(int n, Step a, Step b) throws Exception {
    a.run(-1);
    b.run(-1);
    double[] ta = new double[n];
    double[] tb = new double[n];
    for (int i = 0; i < n; i++) {
      ta[i] = time(a, i);
      tb[i] = time(b, i);
    }
    Arrays.sort(ta);
    Arrays.sort(tb);
    return new double[] {ta[n / 2], tb[n / 2]};
  }

  private static double time(Step step, int i) throws Exception {
    long t0 = System.nanoTime();
    step.run(i);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static Object duck(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return drain(c, sql);
    }
  }

  private static Object drain(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        List<Object> rows = new ArrayList<>();
        try (ResultSet rs = s.getResultSet()) {
          while (rs.next()) {
            rows.add(rs.getObject(1));
          }
        }
        return rows;
      }
      return s.getUpdateCount();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
