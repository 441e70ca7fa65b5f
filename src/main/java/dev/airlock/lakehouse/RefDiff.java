package dev.airlock.lakehouse;

import java.util.List;

/** Every table that differs between {@code from} and {@code to}; unchanged tables are left out. */
public record RefDiff(Ref from, Ref to, List<TableDiff> tables) {
  public RefDiff {
    tables = List.copyOf(tables);
  }

  public boolean isEmpty() {
    return tables.isEmpty();
  }
}
