package dev.airlock.lakehouse;

import java.util.List;

/**
 * A query's answer, row-major. Values are JSON-friendly Java objects: {@code Boolean}, {@code
 * Integer}, {@code Long}, {@code Double}, {@code Float}, {@code java.math.BigDecimal}, {@code
 * java.math.BigInteger}, {@code String} (also for dates, times and timestamps, in ISO-8601, and for
 * UUIDs and blobs, base64), {@code List} for lists and {@code Map<String,Object>} for structs and
 * maps, or null. {@code types} are Iceberg type names, one per column. {@code truncated} says that
 * {@code max_rows} cut the result.
 */
public record QueryResult(
    List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {

  public QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    rows = List.copyOf(rows);
  }

  public int rowCount() {
    return rows.size();
  }
}
