package dev.airlock.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a table as CSV the way DABStep's files look: a header, booleans {@code True}/{@code
 * False}, nulls as empty fields, fields quoted only when they hold a comma, quote or newline. Lists
 * are written as DuckDB list literals ({@code [a, b]}) so {@code CAST(x AS VARCHAR[])} reads them.
 */
final class CsvTableWriter {

  /** Returns the number of data rows written. */
  long write(DemoTable table, Path file) throws IOException {
    long[] count = {0};
    StringBuilder line = new StringBuilder(256);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<Column> columns = table.columns();
      for (int i = 0; i < columns.size(); i++) {
        line.append(i == 0 ? "" : ",").append(columns.get(i).name());
      }
      out.append(line).append('\n');
      try {
        table.forEachRow(
            row -> {
              line.setLength(0);
              for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                  line.append(',');
                }
                appendField(line, row[i]);
              }
              line.append('\n');
              write(out, line);
              count[0]++;
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return count[0];
  }

  private static void write(BufferedWriter out, CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void appendField(StringBuilder line, Object value) {
    if (value == null) {
      return;
    }
    String text = format(value);
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
      line.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      line.append(text);
    }
  }

  static String format(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(format(list.get(i)));
      }
      return text.append(']').toString();
    }
    return String.valueOf(value);
  }
}
