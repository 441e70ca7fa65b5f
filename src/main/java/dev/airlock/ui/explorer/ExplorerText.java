package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.SchemaChange;
import dev.airlock.lakehouse.TableDiff;
import dev.airlock.lakehouse.WriteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The explorer's words, toolkit-free. Values, names, messages and commit properties come from the
 * agent's code: control characters are shown escaped, never obeyed, and long texts are cut.
 */
final class ExplorerText {
  /** The characters of one value a cell shows. */
  static final int CELL_CHARS = 300;

  /** What a run id may look like to be opened from a commit (no path reaches the file system). */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ExplorerText() {}

  /** A value as one line of a cell: NULL, numbers as Java prints them, text with escapes. */
  static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    return visible(String.valueOf(value), CELL_CHARS);
  }

  /** {@code text} on one line: control characters escaped, cut at {@code max} characters. */
  static String visible(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (out.length() >= max) {
        return out.append('…').toString();
      }
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || hidden(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Characters that move or break the text around them without showing themselves: every bidi
   * control (embeddings, overrides, isolates, marks), and the line and paragraph separators.
   */
  private static boolean hidden(char c) {
    return c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069'
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c'
        || c == '\u2028'
        || c == '\u2029';
  }

  /** An engine error as one line: its first line (DuckDB adds the statement below it). */
  static String error(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = message.indexOf('\n');
    return visible(nl < 0 ? message : message.substring(0, nl).strip(), 400);
  }

  /** The run a commit was written by, when it names one that can be opened; else null. */
  static String runOf(Commit commit) {
    String run = commit.properties().get(WriteContext.RUN);
    return run != null && RUN_ID.matcher(run).matches() ? run : null;
  }

  /** "run R, turn N", "run R", or "" for a commit no run wrote. */
  static String runAndTurn(Commit commit) {
    String run = commit.properties().get(WriteContext.RUN);
    if (run == null) {
      return "";
    }
    String turn = commit.properties().get(WriteContext.TURN);
    return "run " + visible(run, 100) + (turn == null ? "" : ", turn " + visible(turn, 10));
  }

  /** The diff as the CLI prints it: one line a table, then its schema changes. */
  static List<String> diffLines(RefDiff diff) {
    List<String> out = new ArrayList<>();
    if (diff.isEmpty()) {
      out.add("(no table differs)");
    }
    for (TableDiff t : diff.tables()) {
      String fqn = visible(t.fqn(), 200);
      out.add(
          switch (t.change()) {
            case ADDED -> "+ " + fqn + "  added, " + t.rowsAfter() + " rows";
            case REMOVED -> "- " + fqn + "  removed (had " + t.rowsBefore() + " rows)";
            case CHANGED -> "~ " + fqn + "  " + t.rowsBefore() + " -> " + t.rowsAfter() + " rows";
          });
      for (SchemaChange c : t.schemaChanges()) {
        out.add("    schema " + visible(c.describe(), 300));
      }
    }
    return out;
  }

  /** A row count with thousands separators. */
  static String rows(long n) {
    return String.format("%,d row%s", n, n == 1 ? "" : "s");
  }
}
