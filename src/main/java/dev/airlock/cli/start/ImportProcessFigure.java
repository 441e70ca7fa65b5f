package dev.airlock.cli.start;

import dev.airlock.bench.BenchContext;
import dev.airlock.bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code airlock lakehouse import} of the 138k-row payments CSV into a fresh branch (made before
 * the clock starts), a whole process as a user runs it, against a compiled Java program doing
 * DuckDB's CSV -> Parquet COPY with the same read_csv options and the same compression (zstd).
 */
public final class ImportProcessFigure implements Figure {

  @Override
  public String area() {
    return "start";
  }

  @Override
  public String name() {
    return "`lakehouse import` 138k-row CSV, whole process";
  }

  @Override
  public String baseline() {
    return "Java program: DuckDB JDBC, CSV -> Parquet COPY";
  }

  @Override
  public double target() {
    return 1.3;
  }

  @Override
  public Pair prepare(BenchContext context) throws Exception {
    Path csv = StartData.paymentsCsv(context);
    Path home = Files.createDirectories(context.scratch("start-import"));
    Path copies = Files.createDirectories(context.scratch("start-import-copies"));
    // The table exists (empty) on a base branch; every trial imports into a new branch of it.
    StartData.withLakehouse(
        home,
        lake -> {
          lake.createBranch("base", "main");
          lake.createTable("payments", csv.toString(), "base", false, StartData.BENCH);
        });
    String java = Processes.java(context.airlockCommand());
    String classpath =
        StartData.classpath(StartData.duckdbJar(context), StartData.programs(context));
    return new Pair() {
      int trial;

      @Override
      public long ours() throws Exception {
        String branch = "import" + trial++;
        StartData.withLakehouse(home, lake -> lake.createBranch(branch, "base"));
        return Processes.time(
            Processes.with(
                context.airlockCommand(),
                "lakehouse",
                "--home",
                home.toString(),
                "import",
                "payments",
                csv.toString(),
                "--branch",
                branch));
      }

      @Override
      public long baseline() throws Exception {
        Path out = copies.resolve("copy" + trial++ + ".parquet");
        long nanos =
            Processes.time(
                List.of(
                    java,
                    "-cp",
                    classpath,
                    Baselines.DUCK,
                    "copy",
                    csv.toString(),
                    out.toString()));
        Files.deleteIfExists(out);
        return nanos;
      }
    };
  }
}
