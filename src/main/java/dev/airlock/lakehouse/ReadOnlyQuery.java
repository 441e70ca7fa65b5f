package dev.airlock.lakehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * SQL proven to only read the ref's tables: one SELECT (WITH, VALUES, FROM-first), DESCRIBE,
 * SUMMARIZE or EXPLAIN statement. DuckDB's own parser reads the text ({@code json_serialize_sql},
 * which serializes SELECT statements only, so COPY, CREATE, ATTACH, SET, PRAGMA and every other
 * statement fail there), and the syntax tree is walked: each table named must be a table the ref
 * binds (or a CTE), each table function one that reads no files, each function call none that
 * reveals the host's settings or catalog. The text that runs is the text that was checked.
 *
 * <p>{@link QueryParser} asks DuckDB's parser; {@link QueryTreeCheck} walks the tree.
 */
final class ReadOnlyQuery {
  static final String WHAT_RUNS =
      "queries are read-only: one SELECT, WITH, VALUES, DESCRIBE,"
          + " SUMMARIZE or EXPLAIN statement on the ref's tables";

  private final String sql;

  private ReadOnlyQuery(String sql) {
    this.sql = sql;
  }

  /**
   * The statement to run: the checked text (for EXPLAIN, {@code EXPLAIN} and the checked query).
   */
  String sql() {
    return sql;
  }

  /**
   * Parses {@code text} with DuckDB's parser on {@code c} (no statement runs) and checks it against
   * {@code tables}; throws {@link ErrorType#QUERY_FAILED} naming what was refused.
   */
  static ReadOnlyQuery check(Connection c, String text, BoundTables tables, String ref)
      throws SQLException {
    try (QueryParser parser = new QueryParser(c)) {
      return check(parser, text, tables, ref);
    }
  }

  /** As above, with the parser a pooled database keeps for its queries. */
  static ReadOnlyQuery check(QueryParser parser, String text, BoundTables tables, String ref)
      throws SQLException {
    if (text == null || text.isBlank()) {
      throw refused(ref, "the query is empty: " + WHAT_RUNS + ", e.g. SELECT * FROM fees.");
    }
    Leading lead = Leading.of(text);
    if (lead.is("EXPLAIN")) {
      Leading next = Leading.of(lead.rest());
      if (next.is("ANALYZE") || next.is("ANALYSE")) {
        throw refused(
            ref,
            "EXPLAIN ANALYZE is refused: its profile names the host's files." + " Use EXPLAIN.");
      }
      QueryTreeCheck.check(parser.statement(lead.rest(), ref), tables, ref, parser.catalogNames());
      return new ReadOnlyQuery("EXPLAIN " + lead.rest());
    }
    QueryTreeCheck.check(parser.statement(text, ref), tables, ref, parser.catalogNames());
    return new ReadOnlyQuery(text);
  }

  static LakehouseException refused(String ref, String why) {
    return new LakehouseException(
        ErrorType.QUERY_FAILED, "Query on " + ref + " refused: " + why, Map.of("ref", ref));
  }

  /**
   * The first word of SQL text after blanks and comments, and the text after it. Only used to split
   * off EXPLAIN and to name a refused statement: a wrong split makes the checked query fail to
   * parse, never lets unchecked text run.
   */
  record Leading(String word, String rest) {
    static Leading of(String text) {
      int i = 0;
      int n = text.length();
      while (i < n) {
        if (Character.isWhitespace(text.charAt(i))) {
          i++;
        } else if (text.startsWith("--", i)) {
          int end = text.indexOf('\n', i);
          i = end < 0 ? n : end + 1;
        } else if (text.startsWith("/*", i)) {
          int end = text.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 2;
        } else {
          break;
        }
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      return new Leading(text.substring(start, i).toUpperCase(Locale.ROOT), text.substring(i));
    }

    boolean is(String keyword) {
      return word.equals(keyword) && (rest.isEmpty() || !isWordChar(rest.charAt(0)));
    }

    private static boolean isWordChar(char ch) {
      return Character.isLetterOrDigit(ch) || ch == '_';
    }
  }
}
