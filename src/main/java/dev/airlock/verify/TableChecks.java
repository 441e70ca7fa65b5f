package dev.airlock.verify;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.TableField;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.verify.Expectations.ColumnExpectation;
import dev.airlock.verify.Expectations.TableExpectation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The checks on one table: rows, columns, ID columns, schema, required columns. */
final class TableChecks {
  private final Lakehouse lakehouse;
  private final String ref;

  TableChecks(Lakehouse lakehouse, String ref) {
    this.lakehouse = lakehouse;
    this.ref = ref;
  }

  /**
   * The counts the checks of {@code table} share, in one query (see {@link TableCounts}): pass them
   * to {@link #run} and to the lineage check of the same table.
   */
  TableCounts counts(TableInfo table, Optional<TableExpectation> expected) {
    List<String> ids =
        idColumns(table, expected).stream().filter(c -> field(table, c) != null).toList();
    return TableCounts.read(lakehouse, ref, table, ids, requiredColumns(table, expected));
  }

  List<CheckResult> run(TableInfo table, Optional<TableExpectation> expected, TableCounts counts) {
    List<CheckResult> out = new ArrayList<>();
    long minRows = expected.map(TableExpectation::minRows).orElse(1L);
    out.add(hasRows(table, minRows, counts));
    out.add(hasColumns(table));
    for (String column : idColumns(table, expected)) {
      out.add(idUnique(table, column, counts));
    }
    if (expected.isPresent() && !expected.get().columns().isEmpty()) {
      out.add(schema(table, expected.get()));
      List<String> required = requiredColumns(table, expected);
      if (!required.isEmpty()) {
        out.add(required(table, required, counts));
      }
    }
    return out;
  }

  /** The declared required columns that the table has (a missing one is the schema check's). */
  private static List<String> requiredColumns(
      TableInfo table, Optional<TableExpectation> expected) {
    return expected.map(TableExpectation::columns).orElse(List.of()).stream()
        .filter(ColumnExpectation::required)
        .map(ColumnExpectation::name)
        .filter(n -> field(table, n) != null)
        .toList();
  }

  /** The table's rows, as the shared counts have them (else its own COUNT). */
  static long rows(Trail trail, TableInfo t, TableCounts counts) {
    return num(
        counts
            .read(
                trail, List.of(TableCounts.ROWS), "SELECT COUNT(*) AS row_count FROM " + sqlName(t))
            .get(0));
  }

  static String sqlName(TableInfo t) {
    return ident(t.namespace()) + "." + ident(t.name());
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private CheckResult hasRows(TableInfo t, long minRows, TableCounts counts) {
    return Trail.run(
        lakehouse,
        ref,
        "has_rows:" + t.fqn(),
        CheckKind.HAS_ROWS,
        t.fqn(),
        trail -> {
          long rows = rows(trail, t, counts);
          String need = minRows == 1 ? "" : " (at least " + minRows + " expected)";
          if (rows < minRows) {
            return trail.fail(
                t.fqn()
                    + " has "
                    + rows
                    + " rows, expected at least "
                    + minRows
                    + (rows == 0 ? ": the table is empty" : ""));
          }
          return trail.pass(t.fqn() + " has " + rows + " rows" + need);
        });
  }

  private CheckResult hasColumns(TableInfo t) {
    return Trail.run(
        lakehouse,
        ref,
        "has_columns:" + t.fqn(),
        CheckKind.HAS_COLUMNS,
        t.fqn(),
        trail -> {
          trail.query("SELECT * FROM " + sqlName(t) + " LIMIT 3");
          int n = t.fields().size();
          String names =
              t.fields().stream().map(TableField::name).collect(Collectors.joining(", "));
          if (n <= 1) {
            return trail.fail(
                t.fqn()
                    + " has "
                    + n
                    + " column"
                    + (n == 1 ? " (" + names + ")" : "")
                    + ": a single column usually means the source was misread (wrong"
                    + " delimiter or format)");
          }
          return trail.pass(t.fqn() + " has " + n + " columns: " + abbreviate(names));
        });
  }

  /**
   * Declared ID columns, else columns named like IDs: {@code id} in any case, {@code
   * psp_reference}, or {@code <table>_id} (singular or plural). Other {@code *_id} columns are left
   * alone because in a fact table they are usually foreign keys, which repeat by design. Only
   * scalar columns qualify: a list of codes is never an ID.
   */
  static List<String> idColumns(TableInfo t, Optional<TableExpectation> expected) {
    if (expected.isPresent() && expected.get().idColumns() != null) {
      return expected.get().idColumns();
    }
    String table = t.name().toLowerCase(Locale.ROOT);
    String singular = table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    return t.fields().stream()
        .filter(f -> IcebergTypes.scalar(f.type()))
        .map(TableField::name)
        .filter(
            n -> {
              String l = n.toLowerCase(Locale.ROOT);
              return l.equals("id")
                  || l.equals("psp_reference")
                  || l.equals(table + "_id")
                  || l.equals(singular + "_id");
            })
        .toList();
  }

  private CheckResult idUnique(TableInfo t, String column, TableCounts counts) {
    String id = "id_unique:" + t.fqn() + ":" + column;
    return Trail.run(
        lakehouse,
        ref,
        id,
        CheckKind.ID_UNIQUE,
        t.fqn(),
        trail -> {
          if (field(t, column) == null) {
            trail.add(
                Evidence.note(
                    null,
                    "columns of "
                        + t.fqn()
                        + ": "
                        + t.fields().stream()
                            .map(TableField::name)
                            .collect(Collectors.joining(", "))));
            return trail.fail("ID column " + column + " is missing from " + t.fqn());
          }
          String c = ident(column);
          List<Object> stats =
              counts.read(
                  trail,
                  List.of(
                      TableCounts.ROWS, TableCounts.distinct(column), TableCounts.nulls(column)),
                  "SELECT COUNT(*) AS row_count, COUNT(DISTINCT "
                      + c
                      + ") AS distinct_values, COUNT(*) - COUNT("
                      + c
                      + ") AS null_values FROM "
                      + sqlName(t));
          long rows = num(stats.get(0));
          long distinct = num(stats.get(1));
          long nulls = num(stats.get(2));
          long duplicated = rows - nulls - distinct;
          if (duplicated == 0 && nulls == 0) {
            return trail.pass(
                column + " is unique and never null in " + t.fqn() + " (" + rows + " rows)");
          }
          List<String> problems = new ArrayList<>();
          if (duplicated > 0) {
            trail.query(
                "SELECT "
                    + c
                    + ", COUNT(*) AS copies FROM "
                    + sqlName(t)
                    + " WHERE "
                    + c
                    + " IS NOT NULL GROUP BY "
                    + c
                    + " HAVING COUNT(*) > 1 ORDER BY copies DESC, "
                    + c
                    + " LIMIT "
                    + Evidence.MAX_ROWS);
            problems.add(
                duplicated
                    + " duplicate rows ("
                    + rows
                    + " rows, "
                    + distinct
                    + " distinct values)");
          }
          if (nulls > 0) {
            problems.add(nulls + " null values");
          }
          return trail.fail(
              "ID column " + column + " of " + t.fqn() + " has " + String.join(" and ", problems));
        });
  }

  private CheckResult schema(TableInfo t, TableExpectation expected) {
    return Trail.run(
        lakehouse,
        ref,
        "schema:" + t.fqn(),
        CheckKind.SCHEMA,
        t.fqn(),
        trail -> {
          List<List<Object>> rows = new ArrayList<>();
          List<String> problems = new ArrayList<>();
          for (ColumnExpectation c : expected.columns()) {
            TableField f = field(t, c.name());
            String actual = f == null ? null : IcebergTypes.normalize(f.type());
            String problem =
                f == null
                    ? "missing"
                    : c.type() != null && !c.type().equals(actual == null ? f.type() : actual)
                        ? "type differs"
                        : "";
            if (!problem.isEmpty()) {
              problems.add(
                  problem.equals("missing")
                      ? "missing column " + c.name()
                      : c.name() + " is " + f.type() + ", expected " + c.type());
            }
            rows.add(row(c.name(), c.type(), f == null ? null : f.type(), c.required(), problem));
          }
          for (TableField f : t.fields()) {
            if (expected.columns().stream().noneMatch(c -> c.name().equals(f.name()))) {
              String problem = expected.allowExtraColumns() ? "" : "not declared";
              if (!problem.isEmpty()) {
                problems.add("unexpected column " + f.name() + " (" + f.type() + ")");
              }
              rows.add(row(f.name(), null, f.type(), f.required(), problem));
            }
          }
          trail.add(
              new Evidence(
                  null,
                  List.of("column", "expected_type", "actual_type", "required", "problem"),
                  rows,
                  false,
                  "declared columns against the catalog schema of " + t.fqn()));
          if (problems.isEmpty()) {
            return trail.pass(
                t.fqn() + " matches its " + expected.columns().size() + " declared columns");
          }
          return trail.fail(
              t.fqn()
                  + " does not match its declared schema: "
                  + abbreviate(String.join("; ", problems)));
        });
  }

  private CheckResult required(TableInfo t, List<String> columns, TableCounts counts) {
    return Trail.run(
        lakehouse,
        ref,
        "required:" + t.fqn(),
        CheckKind.REQUIRED,
        t.fqn(),
        trail -> {
          String sql =
              columns.stream()
                  .map(c -> "COUNT(*) - COUNT(" + ident(c) + ") AS " + ident(c))
                  .collect(Collectors.joining(", ", "SELECT ", " FROM " + sqlName(t)));
          List<Object> nulls =
              counts.read(trail, columns.stream().map(TableCounts::nulls).toList(), sql);
          List<String> bad = new ArrayList<>();
          for (int i = 0; i < columns.size(); i++) {
            long n = num(nulls.get(i));
            if (n > 0) {
              bad.add(columns.get(i) + " (" + n + " nulls)");
            }
          }
          if (bad.isEmpty()) {
            return trail.pass(
                "required columns of "
                    + t.fqn()
                    + " hold no nulls: "
                    + abbreviate(String.join(", ", columns)));
          }
          return trail.fail(
              "required columns of " + t.fqn() + " hold nulls: " + String.join(", ", bad));
        });
  }

  static TableField field(TableInfo t, String name) {
    return t.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static long num(Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }

  static String abbreviate(String s) {
    return s.length() <= 160 ? s : s.substring(0, 157) + "...";
  }
}
