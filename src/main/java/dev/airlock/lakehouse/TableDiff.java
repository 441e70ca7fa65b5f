package dev.airlock.lakehouse;

import java.util.List;

/**
 * How one table differs between two refs. {@code rowsBefore} is null for an added table, {@code
 * rowsAfter} null for a removed one.
 */
public record TableDiff(
    String namespace,
    String name,
    Change change,
    Long rowsBefore,
    Long rowsAfter,
    List<SchemaChange> schemaChanges) {

  /** The kind of difference. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  public TableDiff {
    schemaChanges = List.copyOf(schemaChanges);
  }

  public String fqn() {
    return namespace + "." + name;
  }
}
