package dev.airlock.demo;

import dev.airlock.demo.DemoDataSummary.WrittenTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generates the offline demo's raw data: a DABStep-shaped {@code payments} table and its four
 * context tables ({@code acquirer_countries}, {@code merchant_category_codes}, {@code
 * merchant_data}, {@code fees}), one file per table named {@code <table>.<format>} in a folder.
 * Everything is invented here and derived from the seed; nothing is copied from the real dataset.
 */
public final class DemoDataGenerator {
  /** The tables in the order they are written (and listed in the summary). */
  public static final List<String> TABLES =
      List.of("payments", "acquirer_countries", "merchant_category_codes", "merchant_data", "fees");

  private final CsvTableWriter csv = new CsvTableWriter();
  private final JsonTableWriter json = new JsonTableWriter();
  private final ParquetTableWriter parquet = new ParquetTableWriter();

  /**
   * Writes the five tables into {@code dir} (created if missing; existing files of the same names
   * are replaced) and returns what was written.
   *
   * @throws IOException when the folder cannot be written, naming the file
   */
  public DemoDataSummary generate(Path dir, DemoDataOptions options) throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(dir);
    ReferenceData world = new ReferenceData(options.seed());
    List<DemoTable> tables =
        List.of(
            new PaymentsTable(world, options.rows(), options.seed()),
            ContextTables.acquirerCountries(),
            ContextTables.merchantCategoryCodes(),
            ContextTables.merchantData(world),
            ContextTables.fees(options.seed()));
    List<WrittenTable> written = new ArrayList<>();
    Path scratch = Files.createTempDirectory(dir, ".demo-data-");
    try {
      for (DemoTable table : tables) {
        written.add(write(table, dir, scratch, options.format()));
      }
    } finally {
      deleteTree(scratch);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new DemoDataSummary(dir, options, written, millis);
  }

  private WrittenTable write(DemoTable table, Path dir, Path scratch, DemoFormat format)
      throws IOException {
    Path file = dir.resolve(table.name() + "." + format.extension());
    // write beside the target, then move, so a failure never leaves a half-written table
    Path partial = scratch.resolve(file.getFileName());
    long rows =
        switch (format) {
          case CSV -> csv.write(table, partial);
          case JSON -> json.write(table, partial);
          case PARQUET -> parquet.write(table, partial, scratch);
        };
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new WrittenTable(table.name(), file, rows, Files.size(file));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
