package dev.airlock.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table; long cells are cut so one wide value cannot wreck the layout. */
final class TextTable {
  private static final int MAX_WIDTH = 60;

  private TextTable() {}

  static void print(PrintWriter out, List<String> header, List<List<Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (List<Object> row : rows) {
      cells.add(row.stream().map(TextTable::cell).toList());
    }
    int[] width = new int[header.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      out.println(line(cells.get(r), width));
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int w : width) {
          rule.add("-".repeat(w));
        }
        out.println(line(rule, width));
      }
    }
  }

  private static String line(List<String> row, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(row.get(i));
      if (i < row.size() - 1) {
        sb.append(" ".repeat(width[i] - row.get(i).length()));
      }
    }
    return sb.toString();
  }

  private static String cell(Object v) {
    String s = v == null ? "NULL" : v.toString().replace('\n', ' ');
    return s.length() > MAX_WIDTH ? s.substring(0, MAX_WIDTH - 3) + "..." : s;
  }
}
