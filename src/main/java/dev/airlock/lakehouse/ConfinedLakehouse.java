package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link LocalLakehouse} as one run's code sees it (what the run's gateway serves): imports by
 * URI resolve through the run's {@link SourceGuard}, so a lakehouse shared by several runs and the
 * console confines each run's code to that run's raw data; and every write must be made for the run
 * (its context names it), so nothing the code does reaches another holder's merge gate or commits
 * unheard by the run (a request read after its execution ended carries no run). A merge revert, the
 * human's ungated way onto main, is not the code's. Reads are the shared lakehouse's own.
 */
final class ConfinedLakehouse implements Lakehouse {
  private final LocalLakehouse lakehouse;
  private final String runId;
  private final SourceResolver resolver;

  ConfinedLakehouse(LocalLakehouse lakehouse, String runId, SourceResolver resolver) {
    this.lakehouse = lakehouse;
    this.runId = Objects.requireNonNull(runId, "runId");
    this.resolver = resolver;
  }

  /** {@code context} when it names this view's run; FORBIDDEN otherwise. */
  private WriteContext ofThisRun(WriteContext context) {
    if (context == null || !runId.equals(context.runId())) {
      throw new LakehouseException(
          ErrorType.FORBIDDEN,
          "This call was not made during an execution of run "
              + runId
              + ": the lakehouse takes the run's writes only while its code runs.",
          Map.of());
    }
    return context;
  }

  @Override
  public TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context) {
    return lakehouse.createTable(table, sourceUri, resolver, branch, replace, ofThisRun(context));
  }

  @Override
  public ImportResult importData(
      String table, String sourceUri, String branch, WriteContext context) {
    return lakehouse.importData(table, sourceUri, resolver, branch, ofThisRun(context));
  }

  @Override
  public Ref createBranch(String branch, String fromRef) {
    return lakehouse.createBranch(branch, fromRef);
  }

  @Override
  public void deleteBranch(String branch) {
    lakehouse.deleteBranch(branch);
  }

  @Override
  public List<Ref> branches(String nameFilter) {
    return lakehouse.branches(nameFilter);
  }

  @Override
  public Ref branch(String branch) {
    return lakehouse.branch(branch);
  }

  @Override
  public boolean hasBranch(String branch) {
    return lakehouse.hasBranch(branch);
  }

  @Override
  public Ref resolve(String ref) {
    return lakehouse.resolve(ref);
  }

  @Override
  public Ref createTag(String tag, String fromRef) {
    return lakehouse.createTag(tag, fromRef);
  }

  @Override
  public List<Ref> tags() {
    return lakehouse.tags();
  }

  @Override
  public Ref createNamespace(String namespace, String branch, WriteContext context) {
    return lakehouse.createNamespace(namespace, branch, ofThisRun(context));
  }

  @Override
  public boolean hasNamespace(String namespace, String ref) {
    return lakehouse.hasNamespace(namespace, ref);
  }

  @Override
  public List<String> namespaces(String ref) {
    return lakehouse.namespaces(ref);
  }

  @Override
  public List<TableInfo> tables(String ref) {
    return lakehouse.tables(ref);
  }

  @Override
  public TableInfo table(String ref, String table) {
    return lakehouse.table(ref, table);
  }

  @Override
  public boolean hasTable(String ref, String table) {
    return lakehouse.hasTable(ref, table);
  }

  @Override
  public TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context) {
    return lakehouse.createTable(table, files, branch, replace, ofThisRun(context));
  }

  @Override
  public ImportResult importData(
      String table, StagedFiles files, String branch, WriteContext context) {
    return lakehouse.importData(table, files, branch, ofThisRun(context));
  }

  @Override
  public Ref deleteTable(String table, String branch, WriteContext context) {
    return lakehouse.deleteTable(table, branch, ofThisRun(context));
  }

  @Override
  public Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    return lakehouse.revertTable(table, sourceRef, intoBranch, replace, ofThisRun(context));
  }

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows) {
    return lakehouse.query(sql, ref, maxRows);
  }

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows, QueryCancel cancel) {
    return lakehouse.query(sql, ref, maxRows, cancel);
  }

  @Override
  public QueryResult scan(
      String table, String ref, List<String> columns, String filters, Integer limit) {
    return lakehouse.scan(table, ref, columns, filters, limit);
  }

  @Override
  public List<Commit> commits(String ref, Integer limit) {
    return lakehouse.commits(ref, limit);
  }

  @Override
  public RefDiff diff(String fromRef, String toRef) {
    return lakehouse.diff(fromRef, toRef);
  }

  @Override
  public Ref merge(String sourceRef, String intoBranch, WriteContext context) {
    return lakehouse.merge(sourceRef, intoBranch, ofThisRun(context));
  }

  @Override
  public Ref revertMerge(String mergeCommit, String branch, WriteContext context) {
    throw new LakehouseException(
        ErrorType.FORBIDDEN,
        "Reverting a merge is the supervisor's, not the run's: publish a fix from a new branch.",
        Map.of());
  }

  @Override
  public RevertPlan planRevertMerge(String mergeCommit, String branch) {
    return lakehouse.planRevertMerge(mergeCommit, branch);
  }

  /** The shared lakehouse belongs to whoever opened it: closing a view leaves it open. */
  @Override
  public void close() {}
}
