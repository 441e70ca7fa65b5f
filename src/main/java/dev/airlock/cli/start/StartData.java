package dev.airlock.cli.start;

import dev.airlock.bench.BenchContext;
import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import dev.airlock.demo.DemoFormat;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.session.Lakehouses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * What the start figures share, made once per bench run in its scratch folder: the compiled
 * baselines, DuckDB's JDBC jar, and the demo's payments CSV (DABStep's 138,236 rows).
 */
final class StartData {
  private StartData() {}

  static final WriteContext BENCH = WriteContext.user("bench");

  /** The folder of the compiled baseline programs. */
  static synchronized Path programs(BenchContext context) throws IOException {
    Path dir = context.scratch("start-programs");
    if (!Files.isRegularFile(dir.resolve(Baselines.HELLO + ".class"))) {
      Baselines.compile(Files.createDirectories(dir));
    }
    return dir;
  }

  /** DuckDB's JDBC jar, the DuckDB program's only library. */
  static synchronized Path duckdbJar(BenchContext context) throws IOException {
    Path dir = Files.createDirectories(context.scratch("start-duckdb"));
    Path jar = dir.resolve("duckdb_jdbc.jar");
    return Files.isRegularFile(jar) ? jar : Baselines.duckdbJar(dir);
  }

  /** The generated payments CSV. */
  static synchronized Path paymentsCsv(BenchContext context) throws IOException {
    Path dir = context.scratch("start-data");
    Path csv = dir.resolve("payments.csv");
    if (!Files.isRegularFile(csv)) {
      new DemoDataGenerator().generate(dir, DemoDataOptions.defaults().withFormat(DemoFormat.CSV));
    }
    return csv;
  }

  /** Does {@code work} on the lakehouse at {@code home}, opened as the command line opens it. */
  static void withLakehouse(Path home, Consumer<LocalLakehouse> work) {
    try (Lakehouses.Lease lease = Lakehouses.open(home)) {
      work.accept(lease.lakehouse());
    }
  }

  /** A classpath of {@code entries}. */
  static String classpath(Path... entries) {
    StringJoiner cp = new StringJoiner(File.pathSeparator);
    for (Path p : entries) {
      cp.add(p.toString());
    }
    return cp.toString();
  }
}
