package dev.airlock.lakehouse;

import dev.airlock.source.RawSources;
import dev.airlock.source.StagedFiles;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The embedded lakehouse: a JGit catalog at {@code <home>/catalog.git}, Parquet files under {@code
 * <home>/warehouse}, DuckDB in-process. Thread-safe: concurrent writers on one branch are
 * serialized by compare-and-swap on the branch ref.
 *
 * <p>This class is the {@link Lakehouse} face; {@link RefOperations} does branches, tags and
 * namespaces, {@link TableOperations} tables, and {@link Operations} reports each operation to the
 * listeners.
 */
public final class LocalLakehouse implements Lakehouse {
  private final GitCatalog catalog;
  private final DuckEngine engine;
  private final Branches branches;
  private final RefReads reads;
  private final RefOperations refs;
  private final TableOperations tableOps;
  private final MergeGate gate;
  private final RawSources rawSources;
  private final Operations ops = new Operations();
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
    TableWrites writes =
        new TableWrites(
            branches,
            catalog,
            engine,
            new SourceResolver(rawSources, guard),
            point -> faultHook.accept(point));
    this.refs = new RefOperations(catalog, branches, reads, ops);
    this.tableOps = new TableOperations(writes, reads, ops);
    if (listener != null) {
      ops.addListener(listener);
    }
  }

  public void addListener(LakehouseListener listener) {
    ops.addListener(listener);
  }

  public void removeListener(LakehouseListener listener) {
    ops.removeListener(listener);
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
    return refs.createBranch(branch, fromRef);
  }

  @Override
  public void deleteBranch(String branch) {
    refs.deleteBranch(branch);
  }

  @Override
  public List<Ref> branches(String nameFilter) {
    return refs.branches(nameFilter);
  }

  @Override
  public Ref branch(String branch) {
    return refs.branch(branch);
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
    return refs.resolve(ref);
  }

  @Override
  public Ref createTag(String tag, String fromRef) {
    return refs.createTag(tag, fromRef);
  }

  @Override
  public List<Ref> tags() {
    return refs.tags();
  }

  // ---- namespaces

  @Override
  public Ref createNamespace(String namespace, String branch, WriteContext context) {
    return refs.createNamespace(namespace, branch, context);
  }

  @Override
  public boolean hasNamespace(String namespace, String ref) {
    return namespaces(ref).contains(namespace);
  }

  @Override
  public List<String> namespaces(String ref) {
    return refs.namespaces(ref);
  }

  // ---- tables

  @Override
  public List<TableInfo> tables(String ref) {
    return tableOps.tables(ref);
  }

  @Override
  public TableInfo table(String ref, String table) {
    return tableOps.table(ref, table);
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
    return tableOps.createTable(table, sourceUri, branch, replace, context);
  }

  @Override
  public TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context) {
    return tableOps.createTable(table, files, branch, replace, context);
  }

  @Override
  public ImportResult importData(
      String table, String sourceUri, String branch, WriteContext context) {
    return tableOps.importData(table, sourceUri, branch, context);
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
    return tableOps.createTable(table, sourceUri, resolver, branch, replace, context);
  }

  ImportResult importData(
      String table,
      String sourceUri,
      SourceResolver resolver,
      String branch,
      WriteContext context) {
    return tableOps.importData(table, sourceUri, resolver, branch, context);
  }

  @Override
  public ImportResult importData(
      String table, StagedFiles files, String branch, WriteContext context) {
    return tableOps.importData(table, files, branch, context);
  }

  @Override
  public Ref deleteTable(String table, String branch, WriteContext context) {
    return tableOps.deleteTable(table, branch, context);
  }

  @Override
  public Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    return tableOps.revertTable(table, sourceRef, intoBranch, replace, context);
  }

  // ---- reading data

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows) {
    return query(sql, ref, maxRows, null);
  }

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows, QueryCancel cancel) {
    String at = ref == null ? MAIN : ref;
    return ops.run(
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
    ops.run(new Op("get_table", at, name.fqn(), null), op -> reads.doc(at, name));
    return query(sql, at, null);
  }

  // ---- history

  @Override
  public List<Commit> commits(String ref, Integer limit) {
    return ops.run(
        new Op("get_commits", ref, null, null), op -> catalog.log(reads.commit(ref), limit));
  }

  @Override
  public RefDiff diff(String fromRef, String toRef) {
    return ops.run(
        new Op("diff", fromRef + ".." + toRef, null, null),
        op -> {
          Branches.Resolved a = branches.resolve(RefSpec.parse(fromRef));
          Branches.Resolved b = branches.resolve(RefSpec.parse(toRef));
          return Merges.diff(a.ref(), catalog.read(a.id()), b.ref(), catalog.read(b.id()));
        });
  }

  @Override
  public Ref merge(String sourceRef, String intoBranch, WriteContext context) {
    return ops.run(
        new Op("merge_branch", intoBranch, null, context),
        op ->
            new MergeCommand(catalog, branches, gate)
                .merge(RefSpec.parse(sourceRef), Operations.writeTarget(intoBranch), context, op));
  }

  @Override
  public Ref revertMerge(String mergeCommit, String branch, WriteContext context) {
    return ops.write(
            new Op("revert_merge", branch, null, context),
            op ->
                new MergeRevert(catalog, branches)
                    .revert(new CommitHash(mergeCommit), Operations.writeTarget(branch), context))
        .head();
  }

  @Override
  public RevertPlan planRevertMerge(String mergeCommit, String branch) {
    return ops.run(
        new Op("plan_revert_merge", branch, null, null),
        op ->
            new MergeRevert(catalog, branches)
                .plan(new CommitHash(mergeCommit), Operations.writeTarget(branch)));
  }

  @Override
  public void close() {
    engine.close();
    catalog.close();
  }
}
