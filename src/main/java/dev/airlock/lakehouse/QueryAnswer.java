package dev.airlock.lakehouse;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A query's answer read out of DuckDB: its columns with their lakehouse types and its rows, cut at
 * a row cap, and refused whole when it would hold more than a byte budget (so one query cannot fill
 * the JVM's heap).
 */
final class QueryAnswer {
  private QueryAnswer() {}

  /** The rows of {@code rs}; null when they hold more than about {@code maxBytes}. */
  static QueryResult collect(ResultSet rs, Integer maxRows, long maxBytes) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add(md.getColumnLabel(i));
      types.add(DuckTypes.iceberg(md.getColumnTypeName(i)));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    long bytes = 0;
    while (rs.next()) {
      if (maxRows != null && rows.size() >= maxRows) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        Object value = DuckTypes.value(rs.getObject(i));
        bytes += size(value);
        row.add(value);
      }
      if (bytes > maxBytes) {
        return null;
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new QueryResult(names, types, rows, truncated);
  }

  /** About what a value takes in the answer: its characters, or 8 bytes for a number. */
  private static long size(Object value) {
    if (value instanceof String s) {
      return s.length();
    }
    if (value instanceof Collection<?> list) {
      long sum = 8;
      for (Object o : list) {
        sum += size(o);
      }
      return sum;
    }
    if (value instanceof Map<?, ?> map) {
      long sum = 8;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sum += size(e.getKey()) + size(e.getValue());
      }
      return sum;
    }
    return 8;
  }
}
