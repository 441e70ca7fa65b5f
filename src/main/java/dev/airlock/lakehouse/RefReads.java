package dev.airlock.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Reading a ref: every ref string is parsed once ({@link RefSpec}) and resolved to the catalog
 * state of its commit; a table's document with Bauplan's not-found errors; a scan as SQL.
 */
final class RefReads {
  private final GitCatalog catalog;
  private final Branches branches;

  RefReads(GitCatalog catalog, Branches branches) {
    this.catalog = catalog;
    this.branches = branches;
  }

  /** The commit {@code ref} names. INVALID_REF, REF_NOT_FOUND. */
  ObjectId commit(String ref) throws IOException {
    return branches.resolve(RefSpec.parse(ref)).id();
  }

  CatalogState state(String ref) throws IOException {
    return catalog.read(commit(ref));
  }

  /** A table on a ref: NAMESPACE_NOT_FOUND, TABLE_NOT_FOUND. */
  TableDocument doc(String ref, TableName name) throws IOException {
    CatalogState state = state(ref);
    if (!state.namespaces().contains(name.namespace())) {
      throw new LakehouseException(
          ErrorType.NAMESPACE_NOT_FOUND,
          "Namespace " + name.namespace() + " not found on " + ref + ".",
          Map.of("namespace_name", name.namespace(), "input_ref", ref, "catalog_ref", ref));
    }
    TableDocument doc = state.table(name);
    if (doc == null) {
      throw TableWrites.tableNotFound(name, ref);
    }
    return doc;
  }

  /** A table as a write just published it, at the new head. */
  TableDocument at(Ref head, TableName name) {
    try {
      return catalog.read(ObjectId.fromString(head.hash())).table(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code SELECT columns FROM table WHERE (filters) LIMIT limit}; nulls mean "all". The filter is
   * the agent's text: the whole statement is checked as a read-only query before it runs.
   */
  static String scanSql(TableName name, List<String> columns, String filters, Integer limit) {
    if (columns != null && columns.isEmpty()) {
      throw new LakehouseException(
          ErrorType.BAD_REQUEST,
          "Empty column list: pass None for all" + " columns or name some.",
          Map.of("table_name", name.fqn()));
    }
    String cols =
        columns == null
            ? "*"
            : columns.stream().map(DuckEngine::ident).collect(Collectors.joining(", "));
    return "SELECT "
        + cols
        + " FROM "
        + DuckEngine.ident(name.namespace())
        + "."
        + DuckEngine.ident(name.name())
        + (filters == null || filters.isBlank() ? "" : " WHERE (" + filters + "\n)")
        + (limit == null ? "" : " LIMIT " + limit);
  }
}
