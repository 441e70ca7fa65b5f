package dev.airlock.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * SQL proven to only read the ref's tables: one SELECT (WITH, VALUES, FROM-first), DESCRIBE,
 * SUMMARIZE or EXPLAIN statement. DuckDB's own parser reads the text ({@code json_serialize_sql},
 * which serializes SELECT statements only, so COPY, CREATE, ATTACH, SET, PRAGMA and every other
 * statement fail there), and the syntax tree is walked: each table named must be a table the ref
 * binds (or a CTE), each table function one that reads no files, each function call none that
 * reveals the host's settings or catalog. The text that runs is the text that was checked.
 */
final class ReadOnlyQuery {
  static final String WHAT_RUNS =
      "queries are read-only: one SELECT, WITH, VALUES, DESCRIBE,"
          + " SUMMARIZE or EXPLAIN statement on the ref's tables";

  /** Table functions that compute rows from their arguments, never from files or the catalog. */
  private static final Set<String> TABLE_FUNCTIONS =
      Set.of(
          "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree");

  /**
   * Scalar functions and macros that read settings, the catalog, logs, files, or run SQL; and
   * setseed, whose seed outlives the rollback and would choose the next query's random numbers (a
   * pooled database serves other runs and the audit).
   */
  private static final Set<String> FUNCTIONS =
      Set.of(
          "setseed",
          "current_setting",
          "getvariable",
          "which_secret",
          "pg_get_viewdef",
          "pg_get_constraintdef",
          "pg_get_expr",
          "format_type",
          "get_block_size",
          "col_description",
          "obj_description",
          "shobj_description",
          "json_serialize_plan",
          "json_execute_serialized_sql",
          "write_log",
          "sleep_ms",
          "pg_sleep",
          "query",
          "query_table",
          "glob",
          "sniff_csv",
          "summary",
          "checkpoint",
          "force_checkpoint",
          "enable_logging",
          "disable_logging",
          "enable_profiling",
          "disable_profiling",
          "truncate_duckdb_logs",
          "seq_scan",
          "arrow_scan",
          "arrow_scan_dumb");

  private static final List<String> FUNCTION_PREFIXES =
      List.of("duckdb_", "pragma_", "read_", "parquet_", "sqlite_", "pg_catalog", "__internal");

  private static final Set<String> QUERY_NODES =
      Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

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
    try (Parser parser = new Parser(c)) {
      return check(parser, text, tables, ref);
    }
  }

  /** As above, with the parser a pooled database keeps for its queries. */
  static ReadOnlyQuery check(Parser parser, String text, BoundTables tables, String ref)
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
      walk(parser.statement(lead.rest(), ref), new Walk(tables, ref, parser.catalogNames()));
      return new ReadOnlyQuery("EXPLAIN " + lead.rest());
    }
    walk(parser.statement(text, ref), new Walk(tables, ref, parser.catalogNames()));
    return new ReadOnlyQuery(text);
  }

  /**
   * DuckDB's parser on one connection, prepared once, and the names its catalog answers (read once:
   * they are DuckDB's own, the same for every query). Used by one thread at a time.
   */
  static final class Parser implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement serialize;
    private Set<String> catalogNames;

    Parser(Connection connection) throws SQLException {
      this.connection = connection;
      this.serialize = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)");
    }

    /** The one statement of {@code text} as DuckDB's JSON syntax tree. */
    private JsonNode statement(String text, String ref) throws SQLException {
      JsonNode parsed;
      serialize.setString(1, text);
      try (ResultSet rs = serialize.executeQuery()) {
        rs.next();
        parsed = JSON.readTree(rs.getString(1));
      } catch (IOException e) {
        throw new SQLException("DuckDB's parser answered no JSON", e);
      }
      return ReadOnlyQuery.statement(parsed, text, ref);
    }

    private Set<String> catalogNames() throws SQLException {
      if (catalogNames == null) {
        catalogNames = ReadOnlyQuery.catalogNames(connection);
      }
      return catalogNames;
    }

    @Override
    public void close() {
      try {
        serialize.close();
      } catch (SQLException ignored) {
        // A statement of a database being closed holds nothing else.
      }
    }
  }

  /** The one statement of {@code text}, from DuckDB's parse of it, as its JSON syntax tree. */
  private static JsonNode statement(JsonNode parsed, String text, String ref) {
    if (parsed.path("error").asBoolean(false)) {
      if ("parser".equals(parsed.path("error_type").asText())) {
        throw new LakehouseException(
            ErrorType.QUERY_FAILED,
            "Query on " + ref + " failed: " + parsed.path("error_message").asText() + ".",
            Map.of("ref", ref));
      }
      String keyword = Leading.of(text).word();
      if (keyword.equals("PIVOT") || keyword.equals("UNPIVOT")) {
        throw refused(
            ref,
            WHAT_RUNS
                + "; write "
                + keyword
                + " as a subquery: SELECT * FROM ("
                + keyword
                + " ...).");
      }
      if (List.of("SELECT", "WITH", "FROM").contains(keyword)) {
        throw refused(
            ref,
            "this SELECT needs more than one statement to run (PIVOT without an IN"
                + " list does): name the values, PIVOT t ON c IN ('a', 'b') USING sum(x).");
      }
      throw refused(
          ref,
          WHAT_RUNS
              + (keyword.isEmpty() ? "" : "; " + keyword + " is refused")
              + ". Tables change only through create_table, import_data and the other write methods.");
    }
    JsonNode statements = parsed.path("statements");
    if (statements.size() != 1) {
      throw refused(
          ref,
          "the text holds "
              + statements.size()
              + " statements; "
              + WHAT_RUNS
              + ": send one statement per query.");
    }
    return statements.get(0).path("node");
  }

  /**
   * The names DuckDB's own catalog answers without a schema (its views, such as pg_settings,
   * duckdb_views and sqlite_master), case folded. A CTE may not take one of these names: inside the
   * CTE's own body and the CTEs listed before it the name is not the CTE's, and DuckDB resolves it
   * in its catalog, so no scoping rule of the walk has to mirror DuckDB's.
   */
  private static Set<String> catalogNames(Connection c) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT lower(view_name) FROM duckdb_views()"
                    + " WHERE internal AND in_search_path(database_name, schema_name)"
                    + " UNION SELECT lower(table_name) FROM duckdb_tables()"
                    + " WHERE internal AND in_search_path(database_name, schema_name)");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * What a walk carries: the ref's tables, the names DuckDB's catalog answers, and the CTE names in
   * scope.
   */
  private record Walk(BoundTables tables, String ref, Set<String> catalog, Set<String> ctes) {
    Walk(BoundTables tables, String ref, Set<String> catalog) {
      this(tables, ref, catalog, Set.of());
    }

    Walk with(JsonNode cteMap) {
      Set<String> names = new HashSet<>(ctes);
      for (JsonNode entry : cteMap.path("map")) {
        String name = entry.path("key").asText();
        if (!PLAIN_NAME.matcher(name).matches()) {
          throw refused(
              ref,
              "CTE name '"
                  + name
                  + "' is not a plain name: use letters, digits"
                  + " and underscores.");
        }
        String folded = name.toLowerCase(Locale.ROOT);
        if (catalog.contains(folded)) {
          throw refused(
              ref,
              "CTE name '"
                  + name
                  + "' is a name of DuckDB's own catalog, which a"
                  + " reference inside the WITH reaches instead of the CTE: rename the CTE.");
        }
        names.add(folded);
      }
      return new Walk(tables, ref, catalog, names);
    }
  }

  /**
   * Visits every object of the tree. DuckDB serializes expressions with a {@code class}, table
   * references with a {@code sample} field, query nodes with a {@code cte_map}; an unknown kind of
   * table reference or query node is refused, so a new DuckDB cannot widen what runs.
   */
  private static void walk(JsonNode node, Walk w) {
    if (node.isArray()) {
      for (JsonNode child : node) {
        walk(child, w);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Walk inner = w;
    String type = node.path("type").isTextual() ? node.path("type").asText() : "";
    if (node.has("class")) {
      if (node.has("function_name")) {
        checkFunction(node, w.ref());
      }
    } else if (node.has("cte_map")) {
      if (!QUERY_NODES.contains(type)) {
        throw refused(w.ref(), "a " + type + " is not a read; " + WHAT_RUNS + ".");
      }
      inner = w.with(node.path("cte_map"));
    } else if (node.has("sample")) {
      checkTableRef(node, type, w);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      walk(it.next(), inner);
    }
  }

  private static void checkTableRef(JsonNode ref, String type, Walk w) {
    switch (type) {
      case "BASE_TABLE" -> checkTable(ref, w);
      case "TABLE_FUNCTION" -> {
        String name = ref.path("function").path("function_name").asText().toLowerCase(Locale.ROOT);
        if (!TABLE_FUNCTIONS.contains(name)) {
          throw refused(
              w.ref(),
              "table function "
                  + name
                  + "() is refused: queries read the"
                  + " ref's tables by name (SELECT * FROM fees, FROM ns.table); the table functions"
                  + " they may use are "
                  + String.join(", ", new TreeSet<>(TABLE_FUNCTIONS))
                  + ".");
        }
      }
      case "SHOW_REF" -> {
        if (ref.path("query").isNull() || ref.path("query").isMissingNode()) {
          throw refused(
              w.ref(),
              "SHOW and DESCRIBE without a table are refused: DESCRIBE or"
                  + " SUMMARIZE a table (DESCRIBE fees); list tables with get_tables.");
        }
      }
      case "SUBQUERY", "JOIN", "EXPRESSION_LIST", "EMPTY", "PIVOT" -> {}
      default ->
          throw refused(
              w.ref(),
              "a "
                  + type
                  + " table reference is not a read of the"
                  + " ref's tables; "
                  + WHAT_RUNS
                  + ".");
    }
  }

  private static void checkTable(JsonNode ref, Walk w) {
    String catalog = ref.path("catalog_name").asText("");
    String schema = ref.path("schema_name").asText("");
    String table = ref.path("table_name").asText("");
    String shown =
        (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".") + table;
    if (!ref.path("at_clause").isNull() && !ref.path("at_clause").isMissingNode()) {
      throw refused(
          w.ref(),
          "AT (...) on " + shown + " is refused: query another ref for" + " another version.");
    }
    if (!catalog.isEmpty()) {
      throw refused(
          w.ref(),
          "'" + shown + "' names a database: name tables as table or" + " namespace.table.");
    }
    if (schema.isEmpty() && w.ctes().contains(table.toLowerCase(Locale.ROOT))) {
      return;
    }
    String key = BoundTables.key(schema.isEmpty() ? TableName.DEFAULT_NAMESPACE : schema, table);
    String why = w.tables().unbound().get(key);
    if (why != null) {
      throw refused(w.ref(), why + ".");
    }
    if (!w.tables().tables().containsKey(key)) {
      throw refused(
          w.ref(),
          "'"
              + shown
              + "' is not a table of "
              + w.ref()
              + "; queries read"
              + " only the ref's tables, by name (files and paths are refused). "
              + listed(w));
    }
  }

  private static String listed(Walk w) {
    List<String> names =
        w.tables().tables().values().stream()
            .map(
                d ->
                    d.namespace().equals(TableName.DEFAULT_NAMESPACE)
                        ? d.name()
                        : d.namespace() + "." + d.name())
            .sorted()
            .toList();
    if (names.isEmpty()) {
      return "The ref has no tables.";
    }
    return "Its tables: "
        + String.join(", ", names.subList(0, Math.min(20, names.size())))
        + (names.size() > 20 ? ", ... (" + names.size() + " in all)." : ".");
  }

  private static void checkFunction(JsonNode call, String ref) {
    String name = call.path("function_name").asText().toLowerCase(Locale.ROOT);
    boolean denied =
        FUNCTIONS.contains(name) || FUNCTION_PREFIXES.stream().anyMatch(name::startsWith);
    if (denied) {
      throw refused(
          ref,
          "function "
              + name
              + "() is refused: it reads settings, the catalog or"
              + " files of the host; "
              + WHAT_RUNS
              + ".");
    }
  }

  private static LakehouseException refused(String ref, String why) {
    return new LakehouseException(
        ErrorType.QUERY_FAILED, "Query on " + ref + " refused: " + why, Map.of("ref", ref));
  }

  /**
   * The first word of SQL text after blanks and comments, and the text after it. Only used to split
   * off EXPLAIN and to name a refused statement: a wrong split makes the checked query fail to
   * parse, never lets unchecked text run.
   */
  private record Leading(String word, String rest) {
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
