package dev.airlock.lakehouse;

import dev.airlock.source.RawSources;
import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The embedded lakehouse: a JGit catalog at {@code <home>/catalog.git}, Parquet files under {@code
 * <home>/warehouse}, DuckDB in-process. Thread-safe: concurrent writers on one branch are
 * serialized by compare-and-swap on the branch ref.
 */
public final class LocalLakehouse implements Lakehouse {
  private final GitCatalog catalog;
  private final DuckEngine engine;
  private final Branches branches;
  private final TableWrites writes;
  private final RefReads reads;
  private final MergeGate gate;
  private final RawSources rawSources;
  private final List<LakehouseListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> faultHook = point -> {};

  /**
   * @param home storage folder (created when missing); the CLI defaults to {@code
   *     $XDG_DATA_HOME/airlock/lakehouse}
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
      Path home,
      MergeGate gate,
      RawSources rawSources,
      LakehouseListener listener,
      SourceGuard guard) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.rawSources = rawSources;
    this.catalog = new GitCatalog(home.resolve("catalog.git"));
    this.engine = new DuckEngine(home.resolve("warehouse"), home.resolve("spill"));
    this.branches = new Branches(catalog);
    this.reads = new RefReads(catalog, branches);
    this.writes =
        new TableWrites(
            branches,
            catalog,
            engine,
            new SourceResolver(rawSources, guard),
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
    return run(
        new Op("create_branch", branch, null, null),
        op -> {
          RefName name = RefName.parse(branch, "branch");
          Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
          branches.create(name, from.id());
          op.after = from.id().name();
          return Ref.branch(branch, from.id().name());
        });
  }

  @Override
  public void deleteBranch(String branch) {
    run(
        new Op("delete_branch", branch, null, null),
        op -> {
          RefName name = writeTarget(branch);
          if (name.isMain()) {
            throw new LakehouseException(
                ErrorType.DELETE_BRANCH_FORBIDDEN,
                "Branch main cannot be deleted.",
                Map.of("branch_name", branch));
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
    return run(
        new Op("get_branches", null, null, null),
        op ->
            catalog.refs(Ref.Type.BRANCH).stream()
                .filter(r -> nameFilter == null || r.name().contains(nameFilter))
                .toList());
  }

  @Override
  public Ref branch(String branch) {
    return run(
        new Op("get_branch", branch, null, null),
        op ->
            Ref.branch(
                branch,
                branches
                    .head(branchArg(branch, ErrorType.NOT_A_BRANCH_REF), ErrorType.NOT_A_BRANCH_REF)
                    .name()));
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
    return run(
        new Op("get_ref", ref, null, null), op -> branches.resolve(RefSpec.parse(ref)).ref());
  }

  @Override
  public Ref createTag(String tag, String fromRef) {
    return run(
        new Op("create_tag", tag, null, null),
        op -> {
          RefName name = RefName.parse(tag, "tag");
          Branches.Resolved from = branches.resolve(RefSpec.parse(fromRef));
          branches.tag(name, from.id());
          return Ref.tag(tag, from.id().name());
        });
  }

  @Override
  public List<Ref> tags() {
    return run(new Op("get_tags", null, null, null), op -> catalog.refs(Ref.Type.TAG));
  }

  // ---- namespaces

  @Override
  public Ref createNamespace(String namespace, String branch, WriteContext context) {
    return write(
            new Op("create_namespace", branch, null, context),
            op -> {
              new TableName(namespace, "x");
              RefName target = writeTarget(branch);
              branches.writable(
                  target, ErrorType.CREATE_NAMESPACE_FORBIDDEN, "create namespace " + namespace);
              return branches.commit(
                  target,
                  context,
                  "Create namespace " + namespace,
                  state -> {
                    if (state.namespaces().contains(namespace)) {
                      throw new LakehouseException(
                          ErrorType.NAMESPACE_EXISTS,
                          "Namespace " + namespace + " already exists on " + branch + ".",
                          Map.of("namespace_name", namespace, "catalog_ref", branch));
                    }
                    return state.withNamespace(namespace);
                  });
            })
        .head();
  }

  @Override
  public boolean hasNamespace(String namespace, String ref) {
    return namespaces(ref).contains(namespace);
  }

  @Override
  public List<String> namespaces(String ref) {
    return run(
        new Op("get_namespaces", ref, null, null),
        op -> List.copyOf(reads.state(ref).namespaces()));
  }

  // ---- tables

  @Override
  public List<TableInfo> tables(String ref) {
    return run(
        new Op("get_tables", ref, null, null),
        op -> reads.state(ref).tables().values().stream().map(e -> e.doc().toInfo()).toList());
  }

  @Override
  public TableInfo table(String ref, String table) {
    return run(
        new Op("get_table", ref, table, null),
        op -> reads.doc(ref, TableName.parse(table)).toInfo());
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

  @Override
  public TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context) {
    return createTable(
        table,
        branch,
        context,
        (name, target) -> writes.create(name, sourceUri, target, replace, context));
  }

  @Override
  public TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context) {
    return createTable(
        table,
        branch,
        context,
        (name, target) -> writes.create(name, files, target, replace, context));
  }

  @Override
  public ImportResult importData(
      String table, String sourceUri, String branch, WriteContext context) {
    return importData(
        table,
        branch,
        context,
        (name, target) -> writes.importData(name, sourceUri, target, context));
  }

  /**
   * This lakehouse as run {@code runId}'s code sees it: sources named by URI are admitted by {@code
   * guard} (the run's confinement), and only writes made for the run are taken (see {@link
   * ConfinedLakehouse}); reads are this lakehouse's. Closing the view does nothing.
   */
  public Lakehouse confinedTo(String runId, SourceGuard guard) {
    return new ConfinedLakehouse(this, runId, new SourceResolver(rawSources, guard));
  }

  TableInfo createTable(
      String table,
      String sourceUri,
      SourceResolver resolver,
      String branch,
      boolean replace,
      WriteContext context) {
    return createTable(
        table,
        branch,
        context,
        (name, target) -> writes.create(name, sourceUri, resolver, target, replace, context));
  }

  ImportResult importData(
      String table,
      String sourceUri,
      SourceResolver resolver,
      String branch,
      WriteContext context) {
    return importData(
        table,
        branch,
        context,
        (name, target) -> writes.importData(name, sourceUri, resolver, target, context));
  }

  @Override
  public ImportResult importData(
      String table, StagedFiles files, String branch, WriteContext context) {
    return importData(
        table, branch, context, (name, target) -> writes.importData(name, files, target, context));
  }

  /** A write of one table from its source (named by URI, or files the caller holds). */
  private interface TableWrite<T> {
    T run(TableName name, RefName branch) throws IOException;
  }

  private TableInfo createTable(
      String table, String branch, WriteContext context, TableWrite<Branches.Outcome> body) {
    TableName name = TableName.parse(table);
    Ref head =
        write(
                new Op("create_table", branch, name.fqn(), context),
                op -> body.run(name, writeTarget(branch)))
            .head();
    return reads.at(head, name).toInfo();
  }

  private ImportResult importData(
      String table, String branch, WriteContext context, TableWrite<TableWrites.Imported> body) {
    TableName name = TableName.parse(table);
    Op op = new Op("import_data", branch, name.fqn(), context);
    TableWrites.Imported done =
        run(
            op,
            o -> {
              TableWrites.Imported imported = body.run(name, writeTarget(branch));
              o.published(imported.outcome());
              o.rows = imported.rows();
              return imported;
            });
    Ref head = done.outcome().head();
    long records = reads.at(head, name).records();
    return new ImportResult(name.fqn(), done.rows(), records, done.sourceUris(), head);
  }

  @Override
  public Ref deleteTable(String table, String branch, WriteContext context) {
    TableName name = TableName.parse(table);
    return write(
            new Op("delete_table", branch, name.fqn(), context),
            op -> writes.delete(name, writeTarget(branch), context))
        .head();
  }

  @Override
  public Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    TableName name = TableName.parse(table);
    return write(
            new Op("revert_table", intoBranch, name.fqn(), context),
            op ->
                writes.revert(
                    name, RefSpec.parse(sourceRef), writeTarget(intoBranch), replace, context))
        .head();
  }

  // ---- reading data

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows) {
    return query(sql, ref, maxRows, null);
  }

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows, QueryCancel cancel) {
    String at = ref == null ? MAIN : ref;
    return run(
        new Op("query", at, null, null),
        op -> {
          ObjectId commit = reads.commit(at);
          CatalogState state = catalog.read(commit);
          try {
            QueryResult r = engine.query(commit, state, at, sql, maxRows, cancel);
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
    String sql = RefReads.scanSql(name, columns, filters, limit);
    run(new Op("get_table", at, name.fqn(), null), op -> reads.doc(at, name));
    return query(sql, at, null);
  }

  // ---- history

  @Override
  public List<Commit> commits(String ref, Integer limit) {
    return run(new Op("get_commits", ref, null, null), op -> catalog.log(reads.commit(ref), limit));
  }

  @Override
  public RefDiff diff(String fromRef, String toRef) {
    return run(
        new Op("diff", fromRef + ".." + toRef, null, null),
        op -> {
          Branches.Resolved a = branches.resolve(RefSpec.parse(fromRef));
          Branches.Resolved b = branches.resolve(RefSpec.parse(toRef));
          return Merges.diff(a.ref(), catalog.read(a.id()), b.ref(), catalog.read(b.id()));
        });
  }

  @Override
  public Ref merge(String sourceRef, String intoBranch, WriteContext context) {
    return run(
        new Op("merge_branch", intoBranch, null, context),
        op ->
            new MergeCommand(catalog, branches, gate)
                .merge(RefSpec.parse(sourceRef), writeTarget(intoBranch), context, op));
  }

  @Override
  public Ref revertMerge(String mergeCommit, String branch, WriteContext context) {
    return write(
            new Op("revert_merge", branch, null, context),
            op ->
                new MergeRevert(catalog, branches)
                    .revert(new CommitHash(mergeCommit), writeTarget(branch), context))
        .head();
  }

  @Override
  public RevertPlan planRevertMerge(String mergeCommit, String branch) {
    return run(
        new Op("plan_revert_merge", branch, null, null),
        op ->
            new MergeRevert(catalog, branches)
                .plan(new CommitHash(mergeCommit), writeTarget(branch)));
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
    return run(
        op,
        o -> {
          Branches.Outcome out = body.call(o);
          o.published(out);
          return out;
        });
  }

  private <T> T run(Op op, Op.Body<T> body) {
    return op.run(body, listeners);
  }
}
