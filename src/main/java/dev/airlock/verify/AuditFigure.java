package dev.airlock.verify;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import dev.airlock.demo.DemoFormat;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.TableName;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code airlock bench}'s audit figure: the demo's merge-request audit (the verifier with {@code
 * builtin:demo} on a branch holding the five demo tables, 138,236 payments) against the very SQL
 * that audit ran (each distinct query of its evidence, the source counts included) on one warm
 * DuckDB connection whose views read the same Parquet files the lakehouse holds.
 */
public final class AuditFigure implements Figure {
  private static final String BRANCH = "bench.audit";

  @Override
  public String area() {
    return "audit";
  }

  @Override
  public String name() {
    return "merge-request audit, demo data (" + DemoDataOptions.DEFAULT_ROWS + " payments)";
  }

  @Override
  public String baseline() {
    return "the audit's SQL, warm DuckDB connection, same Parquet";
  }

  @Override
  public double target() {
    // The audit is queries: held to what the queries are held to.
    return 1.2;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path dir = Files.createDirectories(context.scratch("audit"));
    Path raw = dir.resolve("raw");
    new DemoDataGenerator()
        .generate(
            raw,
            new DemoDataOptions(
                DemoDataOptions.DEFAULT_ROWS, DemoDataOptions.DEFAULT_SEED, DemoFormat.PARQUET));
    Path home = dir.resolve("lake");
    LocalLakehouse lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
    Connection duck = null;
    try {
      lake.createBranch(BRANCH, "main");
      WriteContext writer = WriteContext.run("bench", "bench", 1);
      for (String table : DemoDataGenerator.TABLES) {
        String file = raw.resolve(table + ".parquet").toString();
        lake.createTable(table, file, BRANCH, false, writer);
        lake.importData(table, file, BRANCH, writer);
      }
      Verifier verifier = new Verifier(lake, new SourceRowCounter(null));
      Expectations expectations = ExpectationsLoader.demo();
      VerificationReport report = verifier.verify(BRANCH, expectations);
      if (!report.passed()) {
        throw new IllegalStateException("the demo audit should pass:\n" + report.toText());
      }
      List<String> queries = queries(report);
      duck = DriverManager.getConnection("jdbc:duckdb:");
      bind(duck, home.resolve("warehouse"), lake.tables(BRANCH));
      Connection baseline = duck;
      return new Pair() {
        @Override
        public long ours() {
          long start = System.nanoTime();
          verifier.verify(BRANCH, expectations);
          return System.nanoTime() - start;
        }

        @Override
        public long baseline() throws SQLException {
          long start = System.nanoTime();
          for (String sql : queries) {
            try (Statement s = baseline.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
              while (rs.next()) {
                // read every row, as the audit does
              }
            }
          }
          return System.nanoTime() - start;
        }

        @Override
        public void close() throws SQLException {
          try {
            baseline.close();
          } finally {
            lake.close();
          }
        }
      };
    } catch (Exception e) {
      if (duck != null) {
        duck.close();
      }
      lake.close();
      throw e;
    }
  }

  /** Each distinct query the audit ran, in order: a table's shared counts ran once. */
  static List<String> queries(VerificationReport report) {
    Set<String> out = new LinkedHashSet<>();
    for (CheckResult c : report.checks()) {
      for (Evidence e : c.evidence()) {
        if (e.sql() != null) {
          out.add(e.sql());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Views named as the lakehouse names its tables, over the table's Parquet files in the warehouse
   * (one branch, written once: every file in a table's folder is the table's), with bare names in
   * the default namespace as the lakehouse has them.
   */
  private static void bind(Connection c, Path warehouse, List<TableInfo> tables) throws Exception {
    try (Statement s = c.createStatement()) {
      for (TableInfo t : tables) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + TableChecks.ident(t.namespace()));
        List<String> files;
        try (Stream<Path> listed = Files.list(warehouse.resolve(t.namespace()).resolve(t.name()))) {
          files =
              listed
                  .filter(p -> p.toString().endsWith(".parquet"))
                  .map(p -> "'" + p.toString().replace("'", "''") + "'")
                  .sorted()
                  .toList();
        }
        s.execute(
            "CREATE VIEW "
                + TableChecks.sqlName(t)
                + " AS SELECT * FROM read_parquet("
                + files.stream().collect(Collectors.joining(", ", "[", "]"))
                + ")");
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TableChecks.sqlName(t))) {
          rs.next();
          if (rs.getLong(1) != t.records()) {
            throw new IllegalStateException(
                "the baseline's view of " + t.fqn() + " does not hold the table's rows");
          }
        }
      }
      s.execute("SET schema = " + "'" + TableName.DEFAULT_NAMESPACE + "'");
    }
  }
}
