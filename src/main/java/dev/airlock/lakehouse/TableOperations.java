package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.util.List;

/**
 * The lakehouse's tables: listed and read on a ref, created, imported into, deleted and reverted on
 * a branch (from a source named by URI, or files the caller holds).
 */
final class TableOperations {
  private final TableWrites writes;
  private final RefReads reads;
  private final Operations ops;

  TableOperations(TableWrites writes, RefReads reads, Operations ops) {
    this.writes = writes;
    this.reads = reads;
    this.ops = ops;
  }

  List<TableInfo> tables(String ref) {
    return ops.run(
        new Op("get_tables", ref, null, null),
        op -> reads.state(ref).tables().values().stream().map(e -> e.doc().toInfo()).toList());
  }

  TableInfo table(String ref, String table) {
    return ops.run(
        new Op("get_table", ref, table, null),
        op -> reads.doc(ref, TableName.parse(table)).toInfo());
  }

  TableInfo createTable(
      String table, String sourceUri, String branch, boolean replace, WriteContext context) {
    return createTable(
        table,
        branch,
        context,
        (name, target) -> writes.create(name, sourceUri, target, replace, context));
  }

  TableInfo createTable(
      String table, StagedFiles files, String branch, boolean replace, WriteContext context) {
    return createTable(
        table,
        branch,
        context,
        (name, target) -> writes.create(name, files, target, replace, context));
  }

  ImportResult importData(String table, String sourceUri, String branch, WriteContext context) {
    return importData(
        table,
        branch,
        context,
        (name, target) -> writes.importData(name, sourceUri, target, context));
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

  ImportResult importData(String table, StagedFiles files, String branch, WriteContext context) {
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
        ops.write(
                new Op("create_table", branch, name.fqn(), context),
                op -> body.run(name, Operations.writeTarget(branch)))
            .head();
    return reads.at(head, name).toInfo();
  }

  private ImportResult importData(
      String table, String branch, WriteContext context, TableWrite<TableWrites.Imported> body) {
    TableName name = TableName.parse(table);
    Op op = new Op("import_data", branch, name.fqn(), context);
    TableWrites.Imported done =
        ops.run(
            op,
            o -> {
              TableWrites.Imported imported = body.run(name, Operations.writeTarget(branch));
              o.published(imported.outcome());
              o.rows = imported.rows();
              return imported;
            });
    Ref head = done.outcome().head();
    long records = reads.at(head, name).records();
    return new ImportResult(name.fqn(), done.rows(), records, done.sourceUris(), head);
  }

  Ref deleteTable(String table, String branch, WriteContext context) {
    TableName name = TableName.parse(table);
    return ops.write(
            new Op("delete_table", branch, name.fqn(), context),
            op -> writes.delete(name, Operations.writeTarget(branch), context))
        .head();
  }

  Ref revertTable(
      String table, String sourceRef, String intoBranch, boolean replace, WriteContext context) {
    TableName name = TableName.parse(table);
    return ops.write(
            new Op("revert_table", intoBranch, name.fqn(), context),
            op ->
                writes.revert(
                    name,
                    RefSpec.parse(sourceRef),
                    Operations.writeTarget(intoBranch),
                    replace,
                    context))
        .head();
  }
}
