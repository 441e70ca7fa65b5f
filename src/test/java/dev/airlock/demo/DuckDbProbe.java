package dev.airlock.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads files back with a real in-memory DuckDB, the engine the lakehouse uses. */
final class DuckDbProbe implements AutoCloseable {
  private final Connection db;

  DuckDbProbe() throws SQLException {
    db = DriverManager.getConnection("jdbc:duckdb:");
  }

  static String file(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /** Column name to DuckDB type, in order, of a query's result. */
  Map<String, String> describe(String relation) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (rs.next()) {
        columns.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return columns;
  }

  long scalar(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
