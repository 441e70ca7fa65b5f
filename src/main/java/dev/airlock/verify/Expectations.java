package dev.airlock.verify;

import java.util.List;
import java.util.Optional;

/**
 * What a dataset should look like once imported: its tables (columns, ID columns, minimum rows,
 * custom checks) and custom checks over the whole ref. {@code source} names where it came from (a
 * file, {@code builtin:demo}, or {@code none}). Load with {@link ExpectationsLoader}.
 */
public record Expectations(
    String source, String dataset, List<TableExpectation> tables, List<CustomCheck> checks) {

  public Expectations {
    tables = List.copyOf(tables);
    checks = List.copyOf(checks);
  }

  /** No expectations: every table still gets the generic checks. */
  public static Expectations none() {
    return new Expectations("none", null, List.of(), List.of());
  }

  /** The expectation for a table fqn ({@code ns.name}), if any. */
  public Optional<TableExpectation> table(String fqn) {
    return tables.stream().filter(t -> t.fqn().equals(fqn)).findFirst();
  }

  /**
   * One table. {@code idColumns} null means "detect by name"; empty means "none". {@code columns}
   * empty means "no declared schema". {@code allowExtraColumns}: columns the table has beyond the
   * declared ones are accepted.
   */
  public record TableExpectation(
      String fqn,
      long minRows,
      List<String> idColumns,
      List<ColumnExpectation> columns,
      boolean allowExtraColumns,
      List<CustomCheck> checks) {

    public TableExpectation {
      idColumns = idColumns == null ? null : List.copyOf(idColumns);
      columns = List.copyOf(columns);
      checks = List.copyOf(checks);
    }
  }

  /**
   * A declared column. {@code type} is an Iceberg type name (null: any type); {@code required}
   * means the column must hold no nulls.
   */
  public record ColumnExpectation(String name, String type, boolean required) {}

  /** A SQL query on the ref that must return no rows; the rows it returns are the defects. */
  public record CustomCheck(String name, String sql) {}
}
