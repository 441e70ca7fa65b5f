package dev.airlock.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a table as Parquet through DuckDB: the rows go to a temporary CSV first (fast, streamed),
 * then one {@code COPY} reads it with every column as text and casts each to its declared type, so
 * the Parquet schema is exactly the table's, never a guess of the CSV sniffer.
 */
final class ParquetTableWriter implements AutoCloseable {
  private final CsvTableWriter csv = new CsvTableWriter();
  private final Connection db;

  ParquetTableWriter() throws IOException {
    try {
      db = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IOException("DuckDB could not start to write Parquet: " + e.getMessage(), e);
    }
  }

  long write(DemoTable table, Path file, Path scratchDir) throws IOException {
    Path temp = Files.createTempFile(scratchDir, table.name() + "-", ".csv");
    try {
      long rows = csv.write(table, temp);
      copy(table.columns(), temp, file);
      return rows;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void copy(List<Column> columns, Path csvFile, Path parquetFile) throws IOException {
    String select =
        columns.stream()
            .map(c -> "CAST(" + ident(c.name()) + " AS " + c.sqlType() + ") AS " + ident(c.name()))
            .collect(Collectors.joining(", "));
    String sql =
        "COPY (SELECT "
            + select
            + " FROM read_csv("
            + literal(csvFile)
            + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'))"
            + " TO "
            + literal(parquetFile)
            + " (FORMAT parquet, COMPRESSION zstd)";
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write " + parquetFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException("DuckDB did not close cleanly: " + e.getMessage(), e);
    }
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
