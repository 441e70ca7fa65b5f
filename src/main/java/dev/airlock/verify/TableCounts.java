package dev.airlock.verify;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.TableInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The counts several checks of one table read (its rows; each ID column's distinct and null values;
 * each required column's nulls), asked in one SELECT: a table costs one query for all of them
 * instead of one per check. Each check keeps as evidence the SQL that ran and the columns it read.
 * When the shared query fails, every check runs its own query instead, as it would alone, so an
 * error lands on the check it belongs to and the others still decide.
 */
final class TableCounts {
  static final String ROWS = "row_count";
  static final String NOTE =
      "one query counts for all of this table's checks; the columns shown are this check's";

  private final String sql;
  private final Map<String, Object> values;

  private TableCounts(String sql, Map<String, Object> values) {
    this.sql = sql;
    this.values = values;
  }

  static String distinct(String column) {
    return "distinct_values:" + column;
  }

  static String nulls(String column) {
    return "null_values:" + column;
  }

  /**
   * Counts {@code t} on {@code ref}: its rows, distinct and null values of {@code ids}, nulls of
   * {@code required} (columns the table has). A failed query is remembered, not thrown.
   */
  static TableCounts read(
      Lakehouse lakehouse, String ref, TableInfo t, List<String> ids, List<String> required) {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put(ROWS, "COUNT(*)");
    for (String c : ids) {
      terms.put(distinct(c), "COUNT(DISTINCT " + TableChecks.ident(c) + ")");
      terms.put(nulls(c), "COUNT(*) - COUNT(" + TableChecks.ident(c) + ")");
    }
    for (String c : required) {
      terms.putIfAbsent(nulls(c), "COUNT(*) - COUNT(" + TableChecks.ident(c) + ")");
    }
    String sql =
        terms.entrySet().stream()
            .map(e -> e.getValue() + " AS " + TableChecks.ident(e.getKey()))
            .collect(Collectors.joining(", ", "SELECT ", " FROM " + TableChecks.sqlName(t)));
    try {
      QueryResult r = lakehouse.query(sql, ref, Evidence.MAX_ROWS);
      if (r.rows().size() != 1 || r.columns().size() != terms.size()) {
        return new TableCounts(sql, null);
      }
      Map<String, Object> values = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(terms.keySet());
      for (int i = 0; i < names.size(); i++) {
        values.put(names.get(i), r.rows().get(0).get(i));
      }
      return new TableCounts(sql, values);
    } catch (LakehouseException e) {
      return new TableCounts(sql, null);
    }
  }

  /**
   * The counts named by {@code names}, recorded on {@code trail} as evidence; when the shared query
   * failed or lacks one of them, the answer of {@code ownSql} (the check's own query, its first
   * row).
   */
  List<Object> read(Trail trail, Collection<String> names, String ownSql) {
    if (values == null || !values.keySet().containsAll(names)) {
      return trail.query(ownSql).rows().get(0);
    }
    List<Object> row = new ArrayList<>();
    for (String n : names) {
      row.add(values.get(n));
    }
    trail.add(new Evidence(sql, List.copyOf(names), List.of(row), false, NOTE));
    return row;
  }
}
