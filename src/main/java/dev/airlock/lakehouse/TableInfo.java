package dev.airlock.lakehouse;

import java.util.List;

/**
 * A table as a ref sees it. {@code id} is stable across appends (a new id means the table was
 * created again); {@code dataFiles} are paths relative to the warehouse folder, immutable.
 */
public record TableInfo(
    String id,
    String namespace,
    String name,
    List<TableField> fields,
    long records,
    List<String> dataFiles,
    long sizeBytes,
    Lineage lineage) {

  public TableInfo {
    fields = List.copyOf(fields);
    dataFiles = List.copyOf(dataFiles);
  }

  /** {@code namespace.name}, Bauplan's {@code Table.fqn}. */
  public String fqn() {
    return namespace + "." + name;
  }
}
