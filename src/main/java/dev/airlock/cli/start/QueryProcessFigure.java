package dev.airlock.cli.start;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import dev.airlock.lakehouse.TableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code airlock lakehouse query REF SQL} as a user runs it, a whole process on a branch holding
 * the 138k-row payments table, against a compiled Java program that opens DuckDB, makes a view of
 * the same Parquet files and runs the same SQL (classpath: DuckDB's JDBC jar and the program).
 */
public final class QueryProcessFigure implements Figure {
  static final String SQL =
      "SELECT merchant, card_scheme, count(*) AS n,"
          + " sum(eur_amount) AS total, avg(eur_amount) AS mean FROM payments GROUP BY ALL";

  @Override
  public String area() {
    return "start";
  }

  @Override
  public String name() {
    return "`lakehouse query` group-by, 138k rows, whole process";
  }

  @Override
  public String baseline() {
    return "Java program: DuckDB JDBC, same SQL, same Parquet";
  }

  @Override
  public double target() {
    return 1.3;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path csv = StartData.paymentsCsv(context);
    Path home = Files.createDirectories(context.scratch("start-query"));
    String[] files = new String[1];
    StartData.withLakehouse(
        home,
        lake -> {
          lake.createBranch("bench", "main");
          lake.createTable("payments", csv.toString(), "bench", false, StartData.BENCH);
          lake.importData("payments", csv.toString(), "bench", StartData.BENCH);
          TableInfo table = lake.table("bench", "payments");
          files[0] =
              table.dataFiles().stream()
                  .map(f -> "'" + lake.warehouse().resolve(f) + "'")
                  .collect(Collectors.joining(", ", "[", "]"));
        });
    List<String> ours =
        Processes.with(
            context.airlockCommand(),
            "lakehouse",
            "--home",
            home.toString(),
            "query",
            "bench",
            SQL);
    List<String> duck =
        List.of(
            Processes.java(context.airlockCommand()),
            "-cp",
            StartData.classpath(StartData.duckdbJar(context), StartData.programs(context)),
            Baselines.DUCK,
            "query",
            files[0],
            SQL);
    return new Pair() {
      @Override
      public long ours() throws Exception {
        return Processes.time(ours);
      }

      @Override
      public long baseline() throws Exception {
        return Processes.time(duck);
      }
    };
  }
}
