package dev.airlock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.SchemaChange;
import dev.airlock.lakehouse.TableDiff;
import dev.airlock.lakehouse.TableInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reading subcommands of {@code airlock lakehouse} print: branches, tables, a schema, a
 * log, a query's rows and a diff. Names and values come from the agent's code: {@code out} is a
 * {@link SafeTerminal} writer, so they are shown, not obeyed.
 */
final class LakehouseListings {
  private final PrintWriter out;

  LakehouseListings(PrintWriter out) {
    this.out = out;
  }

  int branches(LocalLakehouse lake) throws Exception {
    lake.branches(null)
        .forEach(b -> out.println(b.name() + "  " + CommitHash.abbreviate(b.hash())));
    return ExitCodes.OK;
  }

  int tables(LocalLakehouse lake, String ref) throws Exception {
    List<TableInfo> tables = lake.tables(ref);
    if (tables.isEmpty()) {
      out.println("(no tables on " + ref + ")");
    }
    tables.forEach(
        t ->
            out.println(
                t.fqn()
                    + "  "
                    + t.records()
                    + " rows  "
                    + t.fields().size()
                    + " columns  "
                    + t.dataFiles().size()
                    + " files"));
    return ExitCodes.OK;
  }

  int schema(LocalLakehouse lake, String ref, String table) throws Exception {
    TableInfo t = lake.table(ref, table);
    out.println(t.fqn() + " on " + ref + ": " + t.records() + " rows");
    List<List<Object>> rows =
        t.fields().stream()
            .map(f -> List.<Object>of(f.name(), f.type(), f.required() ? "required" : "optional"))
            .toList();
    TextTable.print(out, List.of("column", "type", "nulls"), rows);
    if (!t.lineage().sourceUris().isEmpty()) {
      out.println("sources: " + String.join(", ", t.lineage().sourceUris()));
    }
    return ExitCodes.OK;
  }

  int log(LocalLakehouse lake, String ref, Integer limit) throws Exception {
    for (Commit c : lake.commits(ref, limit)) {
      out.println(
          CommitHash.abbreviate(c.hash())
              + "  "
              + c.time()
              + "  "
              + c.author()
              + "  "
              + c.subject()
              + properties(c));
      if (c.parents().size() > 1) {
        out.println(
            "    merge of "
                + c.parents().stream()
                    .map(CommitHash::abbreviate)
                    .reduce((a, b) -> a + " + " + b)
                    .orElse(""));
      }
    }
    return ExitCodes.OK;
  }

  int query(LocalLakehouse lake, String ref, String sql, boolean json, Integer maxRows)
      throws Exception {
    QueryResult r = lake.query(sql, ref, maxRows);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("columns", r.columns());
      doc.put("types", r.types());
      doc.put("rows", r.rows());
      doc.put("truncated", r.truncated());
      out.println(new ObjectMapper().writeValueAsString(doc));
    } else {
      TextTable.print(out, r.columns(), r.rows());
      out.println("(" + r.rowCount() + " rows" + (r.truncated() ? ", truncated" : "") + ")");
    }
    return ExitCodes.OK;
  }

  int diff(LocalLakehouse lake, String from, String to) throws Exception {
    printDiff(lake.diff(from, to));
    return ExitCodes.OK;
  }

  void printDiff(RefDiff diff) {
    if (diff.isEmpty()) {
      out.println("  (no table differs)");
    }
    for (TableDiff t : diff.tables()) {
      String line =
          switch (t.change()) {
            case ADDED -> "+ " + t.fqn() + "  added, " + t.rowsAfter() + " rows";
            case REMOVED -> "- " + t.fqn() + "  removed (had " + t.rowsBefore() + " rows)";
            case CHANGED ->
                "~ " + t.fqn() + "  " + t.rowsBefore() + " -> " + t.rowsAfter() + " rows";
          };
      out.println("  " + line);
      for (SchemaChange c : t.schemaChanges()) {
        out.println("      schema " + c.describe());
      }
    }
  }

  private static String properties(Commit c) {
    return c.properties().isEmpty() ? "" : "  " + c.properties();
  }
}
