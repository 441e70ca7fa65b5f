package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.util.List;

/**
 * A {@link LocalLakehouse} whose imports by URI resolve through one caller's {@link SourceGuard}:
 * what a run's gateway serves, so a lakehouse shared by several runs and the console confines each
 * run's code to that run's raw data. Every other operation is the shared lakehouse's own.
 */
final class ConfinedLakehouse implements Lakehouse {
  private final LocalLakehouse lakehouse;
  private final SourceResolver resolver;

  ConfinedLakehouse(LocalLakehouse lakehouse, SourceResolver resolver) {
    this.lakehouse = lakehouse;
    this.resolver = resolver;
  }

  @Override
  public TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context) {
    return lakehouse.createTable(table, sourceUri, resolver, branch, replace, context);
  }

  @Override
  public ImportResult importData(
      String table, String sourceUri, String branch, WriteContext context) {
    return lakehouse.importData(table, sourceUri, resolver, branch, context);
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
    return lakehouse.createNamespace(namespace, branch, context);
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
    return lakehouse.createTable(table, files, branch, replace, context);
  }

  @Override
  public ImportResult importData(
      String table, StagedFiles files, String branch, WriteContext context) {
    return lakehouse.importData(table, files, branch, context);
  }

  @Override
  public Ref deleteTable(String table, String branch, WriteContext context) {
    return lakehouse.deleteTable(table, branch, context);
  }

  @Override
  public Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    return lakehouse.revertTable(table, sourceRef, intoBranch, replace, context);
  }

  @Override
  public QueryResult query(String sql, String ref, Integer maxRows) {
    return lakehouse.query(sql, ref, maxRows);
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
    return lakehouse.merge(sourceRef, intoBranch, context);
  }

  @Override
  public Ref revertMerge(String mergeCommit, String branch, WriteContext context) {
    return lakehouse.revertMerge(mergeCommit, branch, context);
  }

  @Override
  public RevertPlan planRevertMerge(String mergeCommit, String branch) {
    return lakehouse.planRevertMerge(mergeCommit, branch);
  }

  /** The shared lakehouse belongs to whoever opened it: closing a view leaves it open. */
  @Override
  public void close() {}
}
