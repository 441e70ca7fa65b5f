package dev.airlock.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What {@link DemoDataGenerator#generate} wrote: one file per table, in a fixed order. */
public record DemoDataSummary(
    Path dir, DemoDataOptions options, List<WrittenTable> tables, long elapsedMillis) {

  public DemoDataSummary {
    tables = List.copyOf(tables);
  }

  /** One table's file: its path, row count and size on disk. */
  public record WrittenTable(String table, Path file, long rows, long bytes) {}

  public Optional<WrittenTable> table(String name) {
    return tables.stream().filter(t -> t.table().equals(name)).findFirst();
  }

  public long totalBytes() {
    return tables.stream().mapToLong(WrittenTable::bytes).sum();
  }
}
