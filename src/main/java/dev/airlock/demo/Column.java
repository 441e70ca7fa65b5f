package dev.airlock.demo;

/** A column of a demo table with its DuckDB type (e.g. {@code BIGINT}, {@code VARCHAR[]}). */
record Column(String name, String sqlType) {
  boolean isList() {
    return sqlType.endsWith("[]");
  }
}
