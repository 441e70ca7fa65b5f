package dev.airlock.lakehouse;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A table's namespace and name. Bare names resolve to namespace {@value #DEFAULT_NAMESPACE}, as in
 * Bauplan; {@code "ns.table"} names both.
 */
public record TableName(String namespace, String name) {
  public static final String DEFAULT_NAMESPACE = "bauplan";
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public TableName {
    check(namespace, "namespace");
    check(name, "table");
  }

  /** Parses {@code "table"} or {@code "ns.table"}. */
  public static TableName parse(String table) {
    return of(table, null);
  }

  /**
   * Bauplan's rule: {@code table} may carry its namespace, or {@code namespace} may give it, not
   * both (NAMESPACE_UNRESOLVED).
   */
  public static TableName of(String table, String namespace) {
    if (table == null || table.isBlank()) {
      throw new LakehouseException(
          ErrorType.BAD_REQUEST, "No table name given: name the table, e.g. 'payments'.", Map.of());
    }
    int dot = table.lastIndexOf('.');
    if (dot < 0) {
      return new TableName(namespace == null ? DEFAULT_NAMESPACE : namespace, table);
    }
    String ns = table.substring(0, dot);
    if (namespace != null && !namespace.equals(ns)) {
      throw new LakehouseException(
          ErrorType.NAMESPACE_UNRESOLVED,
          "Table '"
              + table
              + "' names namespace '"
              + ns
              + "' but namespace '"
              + namespace
              + "' was also given: pass one of them.",
          Map.of("table_name", table, "namespace_name", namespace));
    }
    return new TableName(ns, table.substring(dot + 1));
  }

  public String fqn() {
    return namespace + "." + name;
  }

  @Override
  public String toString() {
    return fqn();
  }

  private static void check(String part, String what) {
    if (part == null || !IDENT.matcher(part).matches()) {
      throw new LakehouseException(
          ErrorType.BAD_REQUEST,
          "Invalid "
              + what
              + " name '"
              + part
              + "': use letters, digits and underscores, starting with a letter.",
          Map.of(what + "_name", String.valueOf(part)));
    }
  }
}
