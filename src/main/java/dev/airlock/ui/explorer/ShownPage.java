package dev.airlock.ui.explorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page made ready for the screen off the FX thread: every value already the line its cell shows
 * (escaped and cut), and each column's width from its name, type and the page's values. The FX
 * thread then only puts strings into cells; it formats and measures nothing. Toolkit-free.
 */
record ShownPage(RowPages.Page page, List<List<String>> rows, List<Double> widths) {
  /** The narrowest and widest a column starts (a third of a screen); the person can resize it. */
  static final double MIN_WIDTH = 70;

  static final double MAX_WIDTH = 360;

  /** Values longer than this do not widen their column further (the cell cuts them with "…"). */
  static final int WIDEST_VALUE_CHARS = 40;

  /** Formats {@code page}: called on the background executor with the fetch. */
  static ShownPage of(RowPages.Page page) {
    int columns = page.columns().size();
    int[] chars = new int[columns];
    for (int c = 0; c < columns; c++) {
      chars[c] = Math.max(page.columns().get(c).length(), page.types().get(c).length());
    }
    List<List<String>> rows = new ArrayList<>(page.rows().size());
    for (List<Object> row : page.rows()) {
      List<String> line = new ArrayList<>(columns);
      for (int c = 0; c < columns; c++) {
        String text = c < row.size() ? ExplorerText.cell(row.get(c)) : "";
        chars[c] = Math.max(chars[c], Math.min(WIDEST_VALUE_CHARS, text.length()));
        line.add(text);
      }
      rows.add(Collections.unmodifiableList(line));
    }
    List<Double> widths = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      widths.add(width(chars[c]));
    }
    return new ShownPage(page, Collections.unmodifiableList(rows), List.copyOf(widths));
  }

  /**
   * Wide enough for {@code chars} characters of the monospace cell font, so merchant names and ids
   * read whole without opening each cell; never wider than a third of a screen.
   */
  static double width(int chars) {
    return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, 26 + 8.6 * chars));
  }
}
