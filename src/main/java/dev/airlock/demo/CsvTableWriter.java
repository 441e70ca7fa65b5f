package dev.airlock.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
    try (BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
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
    // numbers straight into the line: the payments table is mostly numbers and short codes
    if (value == null) {
      return;
    } else if (value instanceof Long l) {
      line.append(l.longValue());
      return;
    } else if (value instanceof Double d) {
      appendDouble(line, d);
      return;
    }
    String text = value instanceof String s ? s : format(value);
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
      line.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      line.append(text);
    }
  }

  /**
   * Amounts and rates are whole cents; they are written from integers ("45.7", "151.74", "1.0",
   * like pandas) so the bytes never depend on a JDK's Double.toString algorithm.
   */
  static void appendDouble(StringBuilder line, double d) {
    double scaled = Math.rint(d * 100);
    if (Math.abs(d * 100 - scaled) > 1e-6 || Math.abs(scaled) > 1e15) {
      line.append(d);
      return;
    }
    long cents = (long) scaled;
    if (cents < 0) {
      line.append('-');
      cents = -cents;
    }
    long fraction = cents % 100;
    line.append(cents / 100).append('.');
    if (fraction % 10 == 0) {
      line.append(fraction / 10);
    } else {
      line.append(fraction < 10 ? "0" : "").append(fraction);
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
