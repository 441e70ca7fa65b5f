package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.util.List;

/**
 * Git for tables: the one set of semantics behind the Java API, the gateway (Bauplan's Python SDK
 * surface) and the CLI. Every failure is a {@link LakehouseException} with Bauplan's wire type.
 *
 * <p>Refs: a branch, a tag, {@code name@hash} (pinned) or {@code @hash} (detached), each ref
 * argument parsed once ({@link RefSpec}, {@link RefName}) and matched exactly; any other string,
 * such as {@code x/../main}, fails with INVALID_REF before anything is looked up. Table arguments
 * are {@code "table"} (namespace {@code bauplan}) or {@code "ns.table"}; see {@link
 * TableName#of(String, String)} to combine Bauplan's separate {@code namespace=} parameter.
 *
 * <p>Writes take a branch name and a {@link WriteContext}; each write is one catalog commit
 * published by a compare-and-swap of the branch head. {@code main} takes no direct writes (create,
 * import, delete, revert, namespaces): those fail with a 403 {@code *_FORBIDDEN} type ({@code
 * ForbiddenError} in Python); only merges change {@code main}, and each one passes the {@link
 * MergeGate}, except {@link #revertMerge}, the human undoing a merge. Writing to a tag or a pinned
 * ref fails with {@code NOT_A_WRITE_BRANCH_REF}.
 */
public interface Lakehouse extends AutoCloseable {

  String MAIN = "main";

  // ---- branches and tags

  /** Creates {@code branch} at the head of {@code fromRef}; copies no data. BRANCH_EXISTS. */
  Ref createBranch(String branch, String fromRef);

  /** Deletes a branch (never {@code main}: DELETE_BRANCH_FORBIDDEN). BRANCH_NOT_FOUND. */
  void deleteBranch(String branch);

  /** Branches whose name contains {@code nameFilter} (null: all), sorted by name. */
  List<Ref> branches(String nameFilter);

  /** BRANCH_NOT_FOUND, or NOT_A_BRANCH_REF when it names a tag. */
  Ref branch(String branch);

  boolean hasBranch(String branch);

  /** Resolves any ref string to its commit. REF_NOT_FOUND, INVALID_REF. */
  Ref resolve(String ref);

  /** TAG_EXISTS, REF_NOT_FOUND. */
  Ref createTag(String tag, String fromRef);

  List<Ref> tags();

  // ---- namespaces

  /** NAMESPACE_EXISTS; returns the branch's new head. */
  Ref createNamespace(String namespace, String branch, WriteContext context);

  boolean hasNamespace(String namespace, String ref);

  /** Namespaces on a ref, always including {@value TableName#DEFAULT_NAMESPACE}. */
  List<String> namespaces(String ref);

  // ---- tables

  /** Tables on a ref, sorted by fqn. */
  List<TableInfo> tables(String ref);

  /** TABLE_NOT_FOUND, NAMESPACE_NOT_FOUND. */
  TableInfo table(String ref, String table);

  boolean hasTable(String ref, String table);

  /**
   * Creates a table whose schema is the source's (no rows: data comes with {@link #importData}).
   * TABLE_EXISTS unless {@code replace}; TABLE_CREATE_FAILED when the source cannot be read.
   */
  TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context);

  /**
   * Appends the rows of {@code sourceUri} (path, {@code file://}, {@code s3://}, globs; Parquet,
   * CSV, JSON) to an existing table. The source's columns must match the table's (IMPORT_FAILED
   * naming the difference). Atomic: on any failure the branch is exactly as before.
   */
  ImportResult importData(String table, String sourceUri, String branch, WriteContext context);

  /**
   * As {@link #createTable(String, String, String, boolean, WriteContext)}, from files the caller
   * already holds, such as bytes sandboxed code uploaded: no path is resolved. {@code files.uri()}
   * names the source in messages, {@code files.sourceUris()} are the lineage; the caller closes the
   * files.
   */
  TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context);

  /** As {@link #importData(String, String, String, WriteContext)}, from files the caller holds. */
  ImportResult importData(String table, StagedFiles files, String branch, WriteContext context);

  /** Removes a table from a branch; returns the new head. TABLE_NOT_FOUND. */
  Ref deleteTable(String table, String branch, WriteContext context);

  /**
   * Sets {@code table} on {@code intoBranch} to its state at {@code sourceRef}, as a new commit.
   * REVERT_DESTINATION_TABLE_EXISTS unless {@code replace}; REVERT_IDENTICAL_TABLE; SAME_REF.
   */
  Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context);

  // ---- reading data

  /**
   * Runs SQL on a ref: every table of the ref is bound by {@code name} (namespace {@code bauplan})
   * and by {@code namespace.name}. {@code ref} null: {@code main}; {@code maxRows} null: no cap.
   * QUERY_FAILED with DuckDB's message.
   */
  QueryResult query(String sql, String ref, Integer maxRows);

  /**
   * As {@link #query(String, String, Integer)}, stopped when {@code cancel} (null: never) is
   * cancelled from another thread: QUERY_FAILED saying the query was cancelled.
   */
  QueryResult query(String sql, String ref, Integer maxRows, QueryCancel cancel);

  /** {@code SELECT columns FROM table WHERE filters LIMIT limit} on a ref; nulls mean "all". */
  QueryResult scan(String table, String ref, List<String> columns, String filters, Integer limit);

  // ---- history

  /** Commits reachable from a ref, newest first, at most {@code limit} (null: all). */
  List<Commit> commits(String ref, Integer limit);

  /** Tables that differ between two refs (added, removed, changed; rows; schema changes). */
  RefDiff diff(String fromRef, String toRef);

  /**
   * Merges {@code sourceRef} into {@code intoBranch} (three-way, table granularity). A table
   * changed on both sides since the merge base: MERGE_CONFLICT naming them in context {@code
   * conflicts}, nothing written. Into {@code main} the {@link MergeGate} decides first:
   * MERGE_FORBIDDEN with the reason in context {@code reason}. Returns the target's new head.
   */
  Ref merge(String sourceRef, String intoBranch, WriteContext context);

  /**
   * Undoes merge {@code mergeCommit} on {@code branch} (usually {@code main}) as one new commit;
   * nothing is rewritten. The tables the merge changed (its tree against its first parent's) go
   * back to their first-parent versions: added tables are removed, removed and changed ones
   * restored; later changes to other tables stay. The commit's message is {@code "Revert merge
   * <short hash>: <merge subject>"}, its property {@code reverted_merge} the merge's full hash.
   *
   * <p>The one deliberate exception to {@code main}'s protection: the human taking a publication
   * back is allowed onto {@code main} and does not pass the {@link MergeGate}. Errors:
   * REF_NOT_FOUND (no such commit); BAD_REQUEST when it is not in the branch's history, not a
   * merge, already reverted, or changed no table; MERGE_CONFLICT with the tables in context {@code
   * conflicts} when one of them changed again after the merge (nothing written). The reverted merge
   * still counts as merged (as in Git): publish a fix from a new branch.
   */
  Ref revertMerge(String mergeCommit, String branch, WriteContext context);

  /** What {@link #revertMerge} would change now, with its checks and errors; writes nothing. */
  RevertPlan planRevertMerge(String mergeCommit, String branch);

  @Override
  void close();
}
