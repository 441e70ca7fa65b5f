package dev.airlock.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The walk of a query's syntax tree that proves it a read of the ref's tables: each table named is
 * a table the ref binds (or a CTE), each table function one that reads no files, each function call
 * none that reveals the host's settings or catalog. Throws {@link ErrorType#QUERY_FAILED} naming
 * what was refused.
 */
final class QueryTreeCheck {
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

  private QueryTreeCheck() {}

  /**
   * Checks {@code statement}, DuckDB's syntax tree of one statement, against the ref's {@code
   * tables}; {@code catalog}: the names DuckDB's own catalog answers.
   */
  static void check(JsonNode statement, BoundTables tables, String ref, Set<String> catalog) {
    walk(statement, new Walk(tables, ref, catalog));
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
          throw ReadOnlyQuery.refused(
              ref,
              "CTE name '"
                  + name
                  + "' is not a plain name: use letters, digits"
                  + " and underscores.");
        }
        String folded = name.toLowerCase(Locale.ROOT);
        if (catalog.contains(folded)) {
          throw ReadOnlyQuery.refused(
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
        throw ReadOnlyQuery.refused(
            w.ref(), "a " + type + " is not a read; " + ReadOnlyQuery.WHAT_RUNS + ".");
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
          throw ReadOnlyQuery.refused(
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
          throw ReadOnlyQuery.refused(
              w.ref(),
              "SHOW and DESCRIBE without a table are refused: DESCRIBE or"
                  + " SUMMARIZE a table (DESCRIBE fees); list tables with get_tables.");
        }
      }
      case "SUBQUERY", "JOIN", "EXPRESSION_LIST", "EMPTY", "PIVOT" -> {}
      default ->
          throw ReadOnlyQuery.refused(
              w.ref(),
              "a "
                  + type
                  + " table reference is not a read of the"
                  + " ref's tables; "
                  + ReadOnlyQuery.WHAT_RUNS
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
      throw ReadOnlyQuery.refused(
          w.ref(),
          "AT (...) on " + shown + " is refused: query another ref for" + " another version.");
    }
    if (!catalog.isEmpty()) {
      throw ReadOnlyQuery.refused(
          w.ref(),
          "'" + shown + "' names a database: name tables as table or" + " namespace.table.");
    }
    if (schema.isEmpty() && w.ctes().contains(table.toLowerCase(Locale.ROOT))) {
      return;
    }
    String key = BoundTables.key(schema.isEmpty() ? TableName.DEFAULT_NAMESPACE : schema, table);
    String why = w.tables().unbound().get(key);
    if (why != null) {
      throw ReadOnlyQuery.refused(w.ref(), why + ".");
    }
    if (!w.tables().tables().containsKey(key)) {
      throw ReadOnlyQuery.refused(
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
      throw ReadOnlyQuery.refused(
          ref,
          "function "
              + name
              + "() is refused: it reads settings, the catalog or"
              + " files of the host; "
              + ReadOnlyQuery.WHAT_RUNS
              + ".");
    }
  }
}
