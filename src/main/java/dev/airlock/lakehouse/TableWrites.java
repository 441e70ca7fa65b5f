package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The table writes: create (schema from a source), import (append), delete and revert. Data files
 * are written first; only the final compare-and-swap publishes them, so a failure anywhere leaves
 * the branch as it was (an orphaned Parquet file at worst).
 */
final class TableWrites {
  private final Branches branches;
  private final GitCatalog catalog;
  private final DuckEngine engine;
  private final SourceResolver sources;
  private final Consumer<String> faults;

  TableWrites(
      Branches branches,
      GitCatalog catalog,
      DuckEngine engine,
      SourceResolver sources,
      Consumer<String> faults) {
    this.branches = branches;
    this.catalog = catalog;
    this.engine = engine;
    this.sources = sources;
    this.faults = faults;
  }

  Branches.Outcome create(
      TableName name, String uri, RefName branch, boolean replace, WriteContext ctx)
      throws IOException {
    return create(name, uri, sources, branch, replace, ctx);
  }

  /** Creates from what {@code uri} resolves to through {@code resolver} (a caller's guard). */
  Branches.Outcome create(
      TableName name,
      String uri,
      SourceResolver resolver,
      RefName branch,
      boolean replace,
      WriteContext ctx)
      throws IOException {
    return create(name, uri, () -> resolver.resolve(uri), branch, replace, ctx);
  }

  /** Creates from files the caller holds (and closes): nothing is resolved here. */
  Branches.Outcome create(
      TableName name, StagedFiles held, RefName branch, boolean replace, WriteContext ctx)
      throws IOException {
    return create(name, held.uri(), () -> kept(held), branch, replace, ctx);
  }

  private Branches.Outcome create(
      TableName name,
      String uri,
      Supplier<StagedFiles> source,
      RefName branch,
      boolean replace,
      WriteContext ctx)
      throws IOException {
    CatalogState now =
        catalog.read(branches.writable(branch, ErrorType.FORBIDDEN, "create table " + name));
    if (now.table(name) != null && !replace) {
      throw tableExists(name, branch);
    }
    TableDocument.DataFile file;
    List<TableDocument.Field> fields;
    List<String> uris;
    try (StagedFiles staged = source.get();
        Connection c = engine.open()) {
      WholeSources.checkFiles(staged.files());
      String rel = DuckEngine.relation(staged.files(), uri);
      fields = engine.describe(c, rel);
      WholeSources.checkColumns(fields, staged.files());
      WholeSources.checkColumnNames(fields, uri);
      file = engine.publish(engine.stage(c, "SELECT * FROM " + rel + " LIMIT 0"), name);
      uris = staged.sourceUris();
    } catch (SQLException e) {
      throw new LakehouseException(
          ErrorType.TABLE_CREATE_FAILED,
          "Cannot create table " + name + " from " + uri + ": " + DuckErrors.cause(e),
          Map.of("table_name", name.fqn()),
          e);
    } catch (LakehouseException e) {
      throw e.errorType() == ErrorType.IMPORT_FAILED
          ? new LakehouseException(ErrorType.TABLE_CREATE_FAILED, e.getMessage(), e.context(), e)
          : e;
    }
    faults.accept("create_table");
    TableDocument doc =
        new TableDocument(
            TableDocument.FORMAT_VERSION,
            UUID.randomUUID().toString(),
            name.namespace(),
            name.name(),
            fields,
            List.of(file),
            0,
            new TableDocument.LineageDoc(uris, ctx.runId(), ctx.turn()));
    return branches.commit(
        branch,
        ctx,
        "Create table " + name,
        state -> {
          if (state.table(name) != null && !replace) {
            throw tableExists(name, branch);
          }
          return state.with(doc);
        });
  }

  /** What an append published. */
  record Imported(Branches.Outcome outcome, long rows, List<String> sourceUris) {}

  Imported importData(TableName name, String uri, RefName branch, WriteContext ctx)
      throws IOException {
    return importData(name, uri, sources, branch, ctx);
  }

  /** Appends what {@code uri} resolves to through {@code resolver} (a caller's guard). */
  Imported importData(
      TableName name, String uri, SourceResolver resolver, RefName branch, WriteContext ctx)
      throws IOException {
    return importData(name, uri, () -> resolver.resolve(uri), branch, ctx);
  }

  /** Appends files the caller holds (and closes): nothing is resolved here. */
  Imported importData(TableName name, StagedFiles held, RefName branch, WriteContext ctx)
      throws IOException {
    return importData(name, held.uri(), () -> kept(held), branch, ctx);
  }

  private Imported importData(
      TableName name, String uri, Supplier<StagedFiles> source, RefName branch, WriteContext ctx)
      throws IOException {
    CatalogState now =
        catalog.read(branches.writable(branch, ErrorType.FORBIDDEN, "import into " + name));
    TableDocument table = now.table(name);
    if (table == null) {
      throw tableNotFound(name, branch.value());
    }
    TableDocument.DataFile file;
    List<String> uris;
    try (StagedFiles staged = source.get();
        Connection c = engine.open()) {
      WholeSources.checkFiles(staged.files());
      file = engine.publish(convert(c, name, uri, table.fields(), staged), name);
      uris = staged.sourceUris();
    } catch (SQLException e) {
      throw new LakehouseException(
          ErrorType.IMPORT_FAILED,
          "Import of " + uri + " into " + name + " failed: " + DuckErrors.cause(e),
          Map.of("table_name", name.fqn(), "search_uri", uri),
          e);
    }
    faults.accept("import_data");
    Branches.Outcome out =
        branches.commit(
            branch,
            ctx,
            "Import " + file.records() + " rows into " + name,
            state -> {
              TableDocument current = state.table(name);
              if (current == null
                  || !current.id().equals(table.id())
                  || !current.fields().equals(table.fields())) {
                throw new LakehouseException(
                    ErrorType.BRANCH_HEAD_CHANGED,
                    "Table "
                        + name
                        + " was replaced or deleted on "
                        + branch
                        + " during the import: nothing was"
                        + " written; check the table and import again.",
                    Map.of("input_ref", branch.value(), "table_name", name.fqn()));
              }
              return state.with(current.withAppended(file, uris, ctx));
            });
    return new Imported(out, file.records(), uris);
  }

  /**
   * Reads the source once into a staged Parquet file, then checks its schema against the table's (a
   * Parquet footer read); only when types or order differ is the staged file cast again.
   */
  private DuckEngine.Staged convert(
      Connection c,
      TableName name,
      String uri,
      List<TableDocument.Field> fields,
      StagedFiles staged)
      throws SQLException {
    DuckEngine.Staged raw =
        engine.stage(c, "SELECT * FROM " + DuckEngine.relation(staged.files(), uri));
    try {
      String rawRel = "read_parquet(" + DuckEngine.quote(raw.path().toString()) + ")";
      List<TableDocument.Field> found = engine.describe(c, rawRel);
      WholeSources.checkColumns(found, staged.files());
      checkSchema(name, uri, fields, found);
      if (found.equals(fields)) {
        return raw;
      }
      String cols =
          fields.stream()
              .map(
                  f ->
                      "CAST("
                          + DuckEngine.ident(f.name())
                          + " AS "
                          + f.duckdbType()
                          + ") AS "
                          + DuckEngine.ident(f.name()))
              .collect(Collectors.joining(", "));
      DuckEngine.Staged cast = engine.stage(c, "SELECT " + cols + " FROM " + rawRel);
      engine.discard(raw);
      return cast;
    } catch (RuntimeException | SQLException e) {
      engine.discard(raw);
      throw e;
    }
  }

  private static void checkSchema(
      TableName name,
      String uri,
      List<TableDocument.Field> table,
      List<TableDocument.Field> found) {
    Map<String, String> have =
        found.stream()
            .collect(Collectors.toMap(TableDocument.Field::name, TableDocument.Field::duckdbType));
    List<String> problems = new ArrayList<>();
    for (TableDocument.Field f : table) {
      String t = have.remove(f.name());
      if (t == null) {
        problems.add("missing column " + f.name() + " (" + f.type() + ")");
      } else if (!DuckTypes.appendable(t, f.duckdbType())) {
        problems.add(
            "column " + f.name() + " is " + DuckTypes.iceberg(t) + ", the table has " + f.type());
      }
    }
    have.keySet().forEach(extra -> problems.add("extra column " + extra));
    if (!problems.isEmpty()) {
      throw new LakehouseException(
          ErrorType.IMPORT_FAILED,
          "Source "
              + uri
              + " does not match the schema of "
              + name
              + ": "
              + String.join("; ", problems)
              + ". Fix the source, or create the table again with replace=True.",
          Map.of("table_name", name.fqn(), "search_uri", uri));
    }
  }

  Branches.Outcome delete(TableName name, RefName branch, WriteContext ctx) throws IOException {
    branches.writable(branch, ErrorType.DELETE_TABLE_FORBIDDEN, "delete table " + name);
    return branches.commit(
        branch,
        ctx,
        "Delete table " + name,
        state -> {
          if (state.table(name) == null) {
            throw tableNotFound(name, branch.value());
          }
          return state.without(name);
        });
  }

  Branches.Outcome revert(
      TableName name, RefSpec sourceRef, RefName into, boolean replace, WriteContext ctx)
      throws IOException {
    ObjectId dest =
        branches.writable(into, ErrorType.REVERT_TABLE_FORBIDDEN, "revert table " + name);
    Branches.Resolved src = branches.resolve(sourceRef);
    if (src.id().equals(dest)) {
      throw new LakehouseException(
          ErrorType.SAME_REF,
          "Source "
              + sourceRef
              + " and "
              + into
              + " are the same commit: there is nothing to revert.",
          Map.of("input_ref", sourceRef.toString(), "ref", into.value()));
    }
    CatalogState.Entry from = catalog.read(src.id()).tables().get(name.fqn());
    if (from == null) {
      throw tableNotFound(name, sourceRef.toString());
    }
    return branches.commit(
        into,
        ctx,
        "Revert table " + name + " to " + src.ref(),
        state -> {
          CatalogState.Entry cur = state.tables().get(name.fqn());
          if (cur != null && cur.sameAs(from)) {
            throw new LakehouseException(
                ErrorType.REVERT_IDENTICAL_TABLE,
                "Table " + name + " on " + into + " is already identical to " + sourceRef + ".",
                Map.of("source_table_name", name.fqn(), "destination_table_name", name.fqn()));
          }
          if (cur != null && !replace) {
            throw new LakehouseException(
                ErrorType.REVERT_DESTINATION_TABLE_EXISTS,
                "Table " + name + " exists on " + into + ": pass replace=True to overwrite it.",
                Map.of("source_table_name", name.fqn(), "destination_table_name", name.fqn()));
          }
          return state.withEntry(name.fqn(), from).withNamespace(name.namespace());
        });
  }

  static LakehouseException tableNotFound(TableName name, String ref) {
    return new LakehouseException(
        ErrorType.TABLE_NOT_FOUND,
        "Table "
            + name
            + " not found on "
            + ref
            + ": list tables with get_tables(ref='"
            + ref
            + "') or create it with"
            + " create_table.",
        Map.of("table_name", name.fqn(), "input_ref", ref, "catalog_ref", ref));
  }

  static LakehouseException tableExists(TableName name, RefName branch) {
    return new LakehouseException(
        ErrorType.TABLE_EXISTS,
        "Table "
            + name
            + " already exists on "
            + branch
            + ": import into it, or pass replace=True to create it again.",
        Map.of("table_name", name.fqn(), "catalog_ref", branch.value()));
  }

  /** {@code held} as seen by a write that must not close it (its holder does). */
  private static StagedFiles kept(StagedFiles held) {
    return new StagedFiles() {
      @Override
      public String uri() {
        return held.uri();
      }

      @Override
      public List<Path> files() {
        return held.files();
      }

      @Override
      public List<String> sourceUris() {
        return held.sourceUris();
      }

      @Override
      public void close() {}
    };
  }

  static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
