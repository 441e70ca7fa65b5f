package dev.airlock.lakehouse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of one catalog state as DuckDB can name them. DuckDB folds identifier case and owns a
 * few schema names, so a table whose name only one of two tables can have (they differ in case) or
 * that sits in a schema DuckDB keeps for itself is not bound; queries naming it are refused with
 * the reason, and every other table of the ref still answers.
 *
 * @param tables by {@link #key}: the table a DuckDB name reaches
 * @param unbound by {@link #key}: why no table is bound under that name
 */
record BoundTables(Map<String, TableDocument> tables, Map<String, String> unbound) {
  /** Catalogs and schemas every DuckDB database has; {@code main} is not one: it binds fine. */
  static final Set<String> RESERVED_NAMESPACES =
      Set.of("system", "temp", "memory", "information_schema", "pg_catalog");

  static BoundTables of(CatalogState state) {
    Map<String, TableDocument> tables = new LinkedHashMap<>();
    Map<String, String> unbound = new LinkedHashMap<>();
    for (CatalogState.Entry e : state.tables().values()) {
      TableDocument doc = e.doc();
      String key = key(doc.namespace(), doc.name());
      if (RESERVED_NAMESPACES.contains(doc.namespace().toLowerCase(Locale.ROOT))) {
        unbound.put(
            key,
            "namespace '"
                + doc.namespace()
                + "' is a name DuckDB keeps for its own"
                + " catalog, so SQL cannot name table "
                + doc.namespace()
                + "."
                + doc.name()
                + ": copy it into another namespace to query it");
      } else if (unbound.containsKey(key)) {
        continue;
      } else if (tables.containsKey(key)) {
        TableDocument first = tables.remove(key);
        unbound.put(
            key,
            "tables "
                + first.namespace()
                + "."
                + first.name()
                + " and "
                + doc.namespace()
                + "."
                + doc.name()
                + " differ only in letter case, which SQL"
                + " ignores: rename one of them to query it");
      } else {
        tables.put(key, doc);
      }
    }
    return new BoundTables(Map.copyOf(tables), Map.copyOf(unbound));
  }

  /** How DuckDB compares names: {@code namespace.table}, case folded. */
  static String key(String namespace, String table) {
    return (namespace + "." + table).toLowerCase(Locale.ROOT);
  }

  /** The namespaces of the bound tables, each once whatever its case. */
  Set<String> namespaces() {
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    tables.values().forEach(d -> out.add(d.namespace()));
    return out;
  }
}
