package dev.airlock.lakehouse;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * {@code airlock bench}'s in-process import: the 138,236-row, 21-column payments CSV imported onto
 * a branch ({@link LocalLakehouse#importData}: read, zstd Parquet, publish, commit) against
 * DuckDB's own CSV to zstd Parquet COPY of the same file, each in a fresh in-memory database as the
 * lakehouse's writes are.
 */
public final class ImportFigure implements Figure {
  private static final String BRANCH = "bench";

  @Override
  public String area() {
    return "import";
  }

  @Override
  public String name() {
    return "import of a 138k-row payments CSV, in-process";
  }

  @Override
  public String baseline() {
    return "DuckDB's CSV -> Parquet COPY of the same file";
  }

  @Override
  public double target() {
    return 1.3;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path dir = Files.createDirectories(context.scratch("import"));
    Path csv = dir.resolve("payments.csv");
    BenchPayments.writeCsv(csv, BenchPayments.DABSTEP_ROWS);
    LocalLakehouse lake =
        new LocalLakehouse(dir.resolve("home"), MergeGate.approveAll(), null, null);
    WriteContext who = WriteContext.user("bench");
    try {
      lake.createBranch(BRANCH, Lakehouse.MAIN);
      lake.createTable("payments", csv.toString(), BRANCH, false, who);
    } catch (RuntimeException e) {
      lake.close();
      throw e;
    }
    Path copy = dir.resolve("copy.parquet");
    String sql =
        "COPY (SELECT * FROM read_csv("
            + DuckEngine.quote(csv.toString())
            + ")) TO "
            + DuckEngine.quote(copy.toString())
            + " (FORMAT parquet, COMPRESSION zstd)";
    return new Pair() {
      @Override
      public long ours() {
        long start = System.nanoTime();
        lake.importData("payments", csv.toString(), BRANCH, who);
        return System.nanoTime() - start;
      }

      @Override
      public long baseline() throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
            Statement s = c.createStatement()) {
          s.execute(sql);
        }
        long nanos = System.nanoTime() - start;
        Files.delete(copy);
        return nanos;
      }

      @Override
      public void close() {
        lake.close();
      }
    };
  }
}
