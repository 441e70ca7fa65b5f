package dev.airlock.lakehouse;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code airlock bench}'s query figures: SQL on a branch through {@link LocalLakehouse#query}
 * (resolving the ref, the read-only check, the views, the answer as values) against the same SQL on
 * the same Parquet files ({@code read_parquet} on the table's files) through a warm DuckDB
 * connection with the threads and memory limit the lakehouse gives a query, answers read whole.
 */
public final class QueryFigure implements Figure {
  static final String GROUP_BY =
      "SELECT merchant, card_scheme, count(*) AS n, sum(eur_amount) AS total,"
          + " avg(eur_amount) AS mean FROM payments GROUP BY ALL";
  static final String SELECTIVE =
      "SELECT count(*) AS n, sum(eur_amount) AS total FROM payments"
          + " WHERE merchant = 'Rafa_AI' AND day_of_year = 100";
  private static final String BRANCH = "bench";

  private final long rows;
  private final String what;
  private final String sql;

  private QueryFigure(long rows, String what, String sql) {
    this.rows = rows;
    this.what = what;
    this.sql = sql;
  }

  /** The group-by at 138k, 1M and (not with --quick) 10M rows, and a small filtered count. */
  public static List<Figure> all(boolean quick) {
    List<Figure> out = new ArrayList<>();
    out.add(new QueryFigure(BenchPayments.DABSTEP_ROWS, "group-by", GROUP_BY));
    out.add(new QueryFigure(1_000_000, "group-by", GROUP_BY));
    if (!quick) {
      out.add(new QueryFigure(10_000_000, "group-by", GROUP_BY));
    }
    out.add(new QueryFigure(BenchPayments.DABSTEP_ROWS, "filtered count", SELECTIVE));
    return out;
  }

  @Override
  public String area() {
    return "query";
  }

  @Override
  public String name() {
    return what + " on a branch, " + rowsShown(rows) + " rows, in-process";
  }

  /** 10M, 1M, 138k: rows as a person says them. */
  static String rowsShown(long rows) {
    if (rows >= 1_000_000) {
      return String.format(Locale.ROOT, "%dM", Math.round(rows / 1e6));
    }
    return String.format(Locale.ROOT, "%dk", Math.round(rows / 1e3));
  }

  @Override
  public String baseline() {
    return "same SQL, same Parquet files, warm DuckDB connection";
  }

  @Override
  public double target() {
    return 1.2;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path dir = Files.createDirectories(context.scratch("query-" + rows + "-" + what.hashCode()));
    Path source = dir.resolve("payments.parquet");
    BenchPayments.writeParquet(source, rows);
    LocalLakehouse lake =
        new LocalLakehouse(dir.resolve("home"), MergeGate.approveAll(), null, null);
    Connection duck = null;
    try {
      WriteContext who = WriteContext.user("bench");
      lake.createBranch(BRANCH, Lakehouse.MAIN);
      lake.createTable("payments", source.toString(), BRANCH, false, who);
      lake.importData("payments", source.toString(), BRANCH, who);
      Files.delete(source);
      String files =
          lake.table(BRANCH, "payments").dataFiles().stream()
              .map(f -> DuckEngine.quote(lake.warehouse().resolve(f).toString()))
              .collect(Collectors.joining(", ", "[", "]"));
      String direct = sql.replace("FROM payments", "FROM read_parquet(" + files + ")");
      duck = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = duck.createStatement()) {
        s.execute("SET threads = " + QueryLimits.DEFAULT.threads());
        s.execute("SET memory_limit = " + DuckEngine.quote(QueryLimits.DEFAULT.memory()));
      }
      List<List<Object>> ours = lake.query(sql, BRANCH, null).rows();
      if (ours.size() != read(duck, direct).size()) {
        throw new IllegalStateException("the lakehouse and DuckDB answer different rows");
      }
      Connection warm = duck;
      return new Pair() {
        @Override
        public long ours() {
          long start = System.nanoTime();
          lake.query(sql, BRANCH, null);
          return System.nanoTime() - start;
        }

        @Override
        public long baseline() throws SQLException {
          long start = System.nanoTime();
          read(warm, direct);
          return System.nanoTime() - start;
        }

        @Override
        public void close() throws SQLException {
          warm.close();
          lake.close();
        }
      };
    } catch (Exception | Error e) {
      if (duck != null) {
        duck.close();
      }
      lake.close();
      throw e;
    }
  }

  /** Every value of the answer, as JDBC gives it (the lakehouse reads each one too). */
  private static List<List<Object>> read(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
