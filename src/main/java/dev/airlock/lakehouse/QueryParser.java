package dev.airlock.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DuckDB's parser on one connection, prepared once, and the names its catalog answers (read once:
 * they are DuckDB's own, the same for every query). Used by one thread at a time.
 */
final class QueryParser implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final PreparedStatement serialize;
  private Set<String> catalogNames;

  QueryParser(Connection connection) throws SQLException {
    this.connection = connection;
    this.serialize = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)");
  }

  /** The one statement of {@code text} as DuckDB's JSON syntax tree. */
  JsonNode statement(String text, String ref) throws SQLException {
    JsonNode parsed;
    serialize.setString(1, text);
    try (ResultSet rs = serialize.executeQuery()) {
      rs.next();
      parsed = JSON.readTree(rs.getString(1));
    } catch (IOException e) {
      throw new SQLException("DuckDB's parser answered no JSON", e);
    }
    return statement(parsed, text, ref);
  }

  Set<String> catalogNames() throws SQLException {
    if (catalogNames == null) {
      catalogNames = catalogNames(connection);
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

  /** The one statement of {@code text}, from DuckDB's parse of it, as its JSON syntax tree. */
  private static JsonNode statement(JsonNode parsed, String text, String ref) {
    if (parsed.path("error").asBoolean(false)) {
      if ("parser".equals(parsed.path("error_type").asText())) {
        throw new LakehouseException(
            ErrorType.QUERY_FAILED,
            "Query on " + ref + " failed: " + parsed.path("error_message").asText() + ".",
            Map.of("ref", ref));
      }
      String keyword = ReadOnlyQuery.Leading.of(text).word();
      if (keyword.equals("PIVOT") || keyword.equals("UNPIVOT")) {
        throw ReadOnlyQuery.refused(
            ref,
            ReadOnlyQuery.WHAT_RUNS
                + "; write "
                + keyword
                + " as a subquery: SELECT * FROM ("
                + keyword
                + " ...).");
      }
      if (List.of("SELECT", "WITH", "FROM").contains(keyword)) {
        throw ReadOnlyQuery.refused(
            ref,
            "this SELECT needs more than one statement to run (PIVOT without an IN"
                + " list does): name the values, PIVOT t ON c IN ('a', 'b') USING sum(x).");
      }
      throw ReadOnlyQuery.refused(
          ref,
          ReadOnlyQuery.WHAT_RUNS
              + (keyword.isEmpty() ? "" : "; " + keyword + " is refused")
              + ". Tables change only through create_table, import_data and the other write methods.");
    }
    JsonNode statements = parsed.path("statements");
    if (statements.size() != 1) {
      throw ReadOnlyQuery.refused(
          ref,
          "the text holds "
              + statements.size()
              + " statements; "
              + ReadOnlyQuery.WHAT_RUNS
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
}
