package dev.airlock.lakehouse;

import dev.airlock.source.RawSources;
import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The embedded lakehouse: a JGit catalog at {@code <home>/catalog.git}, Parquet files under
 * {@code <home>/warehouse}, DuckDB in-process. Thread-safe: concurrent writers on one branch are
 * serialized by compare-and-swap on the branch ref.
 */
public final class LocalLakehouse implements Lakehouse {
  private final GitCatalog catalog;
  private final DuckEngine engine;
  private final Branches branches;
  private final TableWrites writes;
  private final MergeGate gate;
  private final List<LakehouseListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> faultHook = point -> {};

  /**
   * @param home storage folder (created when missing); the CLI's default is {@code $XDG_DATA_HOME/airlock/lakehouse}
   * @param gate decides every merge into {@code main}
   * @param rawSources reads {@code s3://} sources; null: such sources fail with a clear message
   * @param listener told about every operation; null for none
   */
  public LocalLakehouse(
      Path home, MergeGate gate, RawSources rawSources, LakehouseListener listener) {
    this(home, gate, rawSources, listener, SourceGuard.NONE);
  }

  /** As above, with every local source checked by {@code guard} (a run's confinement). */
  public LocalLakehouse(
      Path home, MergeGate gate, RawSources rawSources, LakehouseListener listener, SourceGuard guard) {
    this.gate = java.util.Objects.requireNonNull(gate, "gate");
    this.catalog = new GitCatalog(home.resolve("catalog.git"));
    this.engine = new DuckEngine(home.resolve("warehouse"), home.resolve("spill"));
    this.branches = new Branches(catalog);
    this.writes = new TableWrites(branches, catalog, engine, new SourceResolver(rawSources, guard),
        point -> faultHook.accept(point));
    if (listener != null) {
      listeners.add(listener);
    }
  }

  public void addListener(LakehouseListener listener) {
    listeners.add(listener);
  }

  public void removeListener(LakehouseListener listener) {
    listeners.remove(listener);
  }

  /** The warehouse folder holding every data file. */
  public Path warehouse() {
    return engine.warehouse();
  }

  /** Tests inject failures at named points ({@code import_data}, {@code create_table}). */
  void setFaultHook(Consumer<String> hook) {
    this.faultHook = hook;
  }

  // ---- branches and tags

  @Override
  public Ref createBranch(String branch, String fromRef) {
    return run(new Op("create_branch", branch, null, null), op -> {
      RefName name = RefName.parse(branch, "branch");
      Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
      // A name is one ref: refs resolve branch first, so a branch named like a tag would quietly
      // put writable data where the person's fixed snapshot was.
      if (catalog.tagTarget(name) != null) {
        throw new LakehouseException(ErrorType.TAG_EXISTS, "'" + branch + "' is already a tag: a"
            + " branch of that name would hide it; pick another name.",
            Map.of("tag_name", branch, "input_ref", branch));
      }
      if (!catalog.casBranch(name, ObjectId.zeroId(), from.id())) {
        ObjectId head = catalog.branchHead(name);
        if (head == null) {
          throw new LakehouseException(ErrorType.INVALID_REF, "Branch name '" + branch
              + "' clashes with an existing branch that is a prefix of it (or extends it with"
              + " '/'): pick another name.", Map.of("input_ref", branch));
        }
        Ref existing = Ref.branch(branch, head.name());
        throw new LakehouseException(ErrorType.BRANCH_EXISTS, "Branch '" + branch
            + "' already exists: pick another name or delete it first.",
            Map.of("branch_name", branch, "catalog_ref", existing.toString(),
                "hash", existing.hash()));
      }
      op.after = from.id().name();
      return Ref.branch(branch, from.id().name());
    });
  }

  @Override
  public void deleteBranch(String branch) {
    run(new Op("delete_branch", branch, null, null), op -> {
      RefName name = writeTarget(branch);
      if (name.isMain()) {
        throw new LakehouseException(ErrorType.DELETE_BRANCH_FORBIDDEN,
            "Branch main cannot be deleted.", Map.of("branch_name", branch));
      }
      ObjectId head = branches.head(name);
      op.before = head.name();
      if (!catalog.deleteBranch(name, head)) {
        throw Branches.headChanged(name);
      }
      return null;
    });
  }

  @Override
  public List<Ref> branches(String nameFilter) {
    return run(new Op("get_branches", null, null, null), op ->
        catalog.refs(Ref.Type.BRANCH).stream()
            .filter(r -> nameFilter == null || r.name().contains(nameFilter)).toList());
  }

  @Override
  public Ref branch(String branch) {
    return run(new Op("get_branch", branch, null, null), op ->
        Ref.branch(branch, branches.head(branchArg(branch, ErrorType.NOT_A_BRANCH_REF),
            ErrorType.NOT_A_BRANCH_REF).name()));
  }

  @Override
  public boolean hasBranch(String branch) {
    try {
      branch(branch);
      return true;
    } catch (LakehouseException e) {
      if (e.errorType() == ErrorType.BRANCH_NOT_FOUND
          || e.errorType() == ErrorType.NOT_A_BRANCH_REF) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Ref resolve(String ref) {
    return run(new Op("get_ref", ref, null, null),
        op -> branches.resolve(RefSpec.parse(ref)).ref());
  }

  @Override
  public Ref createTag(String tag, String fromRef) {
    return run(new Op("create_tag", tag, null, null), op -> {
      RefName name = RefName.parse(tag, "tag");
      Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
      if (catalog.branchHead(name) != null) {
        throw new LakehouseException(ErrorType.BRANCH_EXISTS, "'" + tag + "' is already a branch:"
            + " a tag of that name would be hidden by it (refs resolve branch first); pick another"
            + " name.", Map.of("branch_name", tag, "input_ref", tag));
      }
      if (!catalog.createTag(name, from.id())) {
        throw new LakehouseException(ErrorType.TAG_EXISTS, "Tag '" + tag
            + "' already exists: tags never move; pick another name.",
            Map.of("tag_name", tag, "catalog_ref", tag));
      }
      return Ref.tag(tag, from.id().name());
    });
  }

  @Override
  public List<Ref> tags() {
    return run(new Op("get_tags", null, null, null),
        op -> catalog.refs(Ref.Type.TAG));
  }

  // ---- namespaces

  @Override
  public Ref createNamespace(String namespace, String branch, WriteContext context) {
    return write(new Op("create_namespace", branch, null, context), op -> {
      new TableName(namespace, "x");
      RefName target = writeTarget(branch);
      branches.writable(target, ErrorType.CREATE_NAMESPACE_FORBIDDEN,
          "create namespace " + namespace);
      return branches.commit(target, context, "Create namespace " + namespace, state -> {
        if (state.namespaces().contains(namespace)) {
          throw new LakehouseException(ErrorType.NAMESPACE_EXISTS, "Namespace " + namespace
              + " already exists on " + branch + ".",
              Map.of("namespace_name", namespace, "catalog_ref", branch));
        }
        return state.withNamespace(namespace);
      });
    }).head();
  }

  @Override
  public boolean hasNamespace(String namespace, String ref) {
    return namespaces(ref).contains(namespace);
  }

  @Override
  public List<String> namespaces(String ref) {
    return run(new Op("get_namespaces", ref, null, null),
        op -> List.copyOf(state(ref).namespaces()));
  }

  // ---- tables

  @Override
  public List<TableInfo> tables(String ref) {
    return run(new Op("get_tables", ref, null, null), op -> state(ref).tables().values().stream()
        .map(e -> e.doc().toInfo()).toList());
  }

  @Override
  public TableInfo table(String ref, String table) {
    return run(new Op("get_table", ref, table, null), op -> doc(ref, TableName.parse(table))
        .toInfo());
  }

  @Override
  public boolean hasTable(String ref, String table) {
    try {
      table(ref, table);
      return true;
    } catch (LakehouseException e) {
      if (e.errorType() == ErrorType.TABLE_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private TableDocument doc(String ref, TableName name) throws IOException {
    CatalogState state = state(ref);
    if (!state.namespaces().contains(name.namespace())) {
      throw new LakehouseException(ErrorType.NAMESPACE_NOT_FOUND, "Namespace "
          + name.namespace() + " not found on " + ref + ".",
          Map.of("namespace_name", name.namespace(), "input_ref", ref, "catalog_ref", ref));
    }
    TableDocument doc = state.table(name);
    if (doc == null) {
      throw TableWrites.tableNotFound(name, ref);
    }
    return doc;
  }

  private CatalogState state(String ref) throws IOException {
    return catalog.read(branches.resolve(RefSpec.parse(ref)).id());
  }

  @Override
  public TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context) {
    TableName name = TableName.parse(table);
    Ref head = write(new Op("create_table", branch, name.fqn(), context),
        op -> writes.create(name, sourceUri, writeTarget(branch), replace, context)).head();
    return catalogDoc(head, name).toInfo();
  }

  @Override
  public TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context) {
    TableName name = TableName.parse(table);
    Ref head = write(new Op("create_table", branch, name.fqn(), context),
        op -> writes.create(name, files, writeTarget(branch), replace, context)).head();
    return catalogDoc(head, name).toInfo();
  }

  @Override
  public ImportResult importData(
      String table, String sourceUri, String branch, WriteContext context) {
    return importData(table, branch, context,
        name -> writes.importData(name, sourceUri, writeTarget(branch), context));
  }

  @Override
  public ImportResult importData(
      String table, StagedFiles files, String branch, WriteContext context) {
    return importData(table, branch, context, name -> writes.importData(name, files, writeTarget(branch), context));
  }

  /** Reads the source of one import (by URI or from held files). */
  private interface ImportBody {
    TableWrites.Imported run(TableName name) throws IOException;
  }

  private ImportResult importData(String table, String branch, WriteContext context,
      ImportBody body) {
    TableName name = TableName.parse(table);
    Op op = new Op("import_data", branch, name.fqn(), context);
    TableWrites.Imported done = run(op, o -> {
      TableWrites.Imported imported = body.run(name);
      o.published(imported.outcome());
      o.rows = imported.rows();
      return imported;
    });
    Ref head = done.outcome().head();
    long records = catalogDoc(head, name).records();
    return new ImportResult(name.fqn(), done.rows(), records, done.sourceUris(), head);
  }

  private TableDocument catalogDoc(Ref head, TableName name) {
    try {
      return catalog.read(ObjectId.fromString(head.hash())).table(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Ref deleteTable(String table, String branch, WriteContext context) {
    TableName name = TableName.parse(table);
    return write(new Op("delete_table", branch, name.fqn(), context),
        op -> writes.delete(name, writeTarget(branch), context)).head();
  }

  @Override
  public Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    TableName name = TableName.parse(table);
    return write(new Op("revert_table", intoBranch, name.fqn(), context),
        op -> writes.revert(name, RefSpec.parse(sourceRef), writeTarget(intoBranch), replace,
            context)).head();
  }

  // ---- reading data

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows) {
    String at = ref == null ? MAIN : ref;
    return run(new Op("query", at, null, null), op -> {
      CatalogState state = state(at);
      try {
        QueryResult r = engine.query(state, at, sql, maxRows);
        op.rows = (long) r.rowCount();
        return r;
      } catch (SQLException e) {
        throw engine.queryFailed(at, e);
      }
    });
  }

  @Override
  public QueryResult scan(
      String table, String ref, List<String> columns, String filters, Integer limit) {
    String at = ref == null ? MAIN : ref;
    TableName name = TableName.parse(table);
    if (columns != null && columns.isEmpty()) {
      throw new LakehouseException(ErrorType.BAD_REQUEST, "Empty column list: pass None for all"
          + " columns or name some.", Map.of("table_name", name.fqn()));
    }
    run(new Op("get_table", at, name.fqn(), null), op -> doc(at, name));
    String cols = columns == null ? "*"
        : columns.stream().map(DuckEngine::ident).collect(Collectors.joining(", "));
    String sql = "SELECT " + cols + " FROM " + DuckEngine.ident(name.namespace()) + "."
        + DuckEngine.ident(name.name())
        + (filters == null || filters.isBlank() ? "" : " WHERE (" + filters + "\n)")
        + (limit == null ? "" : " LIMIT " + limit);
    return query(sql, at, null);
  }

  // ---- history

  @Override
  public List<Commit> commits(String ref, Integer limit) {
    return run(new Op("get_commits", ref, null, null),
        op -> catalog.log(branches.resolve(RefSpec.parse(ref)).id(), limit));
  }

  @Override
  public RefDiff diff(String fromRef, String toRef) {
    return run(new Op("diff", fromRef + ".." + toRef, null, null), op -> {
      Branches.Resolved a = branches.resolve(RefSpec.parse(fromRef));
      Branches.Resolved b = branches.resolve(RefSpec.parse(toRef));
      return Merges.diff(a.ref(), catalog.read(a.id()), b.ref(), catalog.read(b.id()));
    });
  }

  @Override
  public Ref merge(String sourceRef, String intoBranch, WriteContext context) {
    return run(new Op("merge_branch", intoBranch, null, context),
        op -> new MergeCommand(catalog, branches, gate).merge(RefSpec.parse(sourceRef),
            writeTarget(intoBranch), context, op));
  }

  @Override
  public Ref revertMerge(String mergeCommit, String branch, WriteContext context) {
    return write(new Op("revert_merge", branch, null, context),
        op -> new MergeRevert(catalog, branches).revert(new CommitHash(mergeCommit),
            writeTarget(branch), context)).head();
  }

  @Override
  public RevertPlan planRevertMerge(String mergeCommit, String branch) {
    return run(new Op("plan_revert_merge", branch, null, null),
        op -> new MergeRevert(catalog, branches).plan(new CommitHash(mergeCommit),
            writeTarget(branch)));
  }

  @Override
  public void close() {
    engine.close();
    catalog.close();
  }

  /**
   * A branch argument, parsed where it enters (every ref string is, so no alias of {@code main}
   * reaches the catalog): INVALID_REF when malformed, {@code pinned} for {@code name@hash}.
   */
  private static RefName branchArg(String text, ErrorType pinned) {
    return RefSpec.parse(text).unpinned(pinned);
  }

  /** The branch a write or merge goes to. */
  private static RefName writeTarget(String text) {
    return branchArg(text, ErrorType.NOT_A_WRITE_BRANCH_REF);
  }

  private Branches.Outcome write(Op op, Op.Body<Branches.Outcome> body) {
    return run(op, o -> {
      Branches.Outcome out = body.call(o);
      o.published(out);
      return out;
    });
  }

  private <T> T run(Op op, Op.Body<T> body) {
    return op.run(body, listeners);
  }
}
