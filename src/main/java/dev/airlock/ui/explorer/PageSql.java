package dev.airlock.ui.explorer;

import java.util.Locale;

/**
 * The SQL of one page of rows. A table's page is {@code SELECT * ... LIMIT n OFFSET m}, so a table
 * of ten million rows costs one page to show; a query the person typed is paged by wrapping it as a
 * subquery when it is a SELECT (DuckDB keeps a subquery's order for LIMIT and OFFSET). Other
 * statements (EXPLAIN, DESCRIBE, SUMMARIZE, ...) cannot be wrapped and run whole, capped at {@link
 * #UNPAGED_ROWS}. Each page asks for one row more than it shows, to know whether another follows.
 */
final class PageSql {
  /** Rows fetched at a time as the person scrolls. */
  static final int PAGE_ROWS = 200;

  /** The rows kept of a statement that cannot be paged. */
  static final int UNPAGED_ROWS = 1000;

  private PageSql() {}

  /** A page of {@code namespace.name}: {@code size + 1} rows from {@code offset}. */
  static String table(String namespace, String name, long offset, int size) {
    return "SELECT * FROM " + ident(namespace) + "." + ident(name) + limit(offset, size);
  }

  /** Whether {@code sql} is a query that can be wrapped as a subquery and paged. */
  static boolean pageable(String sql) {
    String word = leadingWord(sql);
    return word.equals("SELECT")
        || word.equals("WITH")
        || word.equals("FROM")
        || word.equals("VALUES")
        || word.equals("(");
  }

  /** A page of the person's query: {@code size + 1} rows from {@code offset}. */
  static String query(String sql, long offset, int size) {
    // The newline before ")" closes the subquery even after a trailing "-- comment".
    return "SELECT * FROM (\n" + withoutTrailingSemicolons(sql) + "\n)" + limit(offset, size);
  }

  private static String limit(long offset, int size) {
    return " LIMIT " + (size + 1) + (offset > 0 ? " OFFSET " + offset : "");
  }

  static String withoutTrailingSemicolons(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  /** The first word after blanks and comments, upper case; "(" for a parenthesised query. */
  static String leadingWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    if (i < n && sql.charAt(i) == '(') {
      return "(";
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
