package dev.airlock.verify;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.Lineage;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.verify.SourceRowCounter.SourceCount;
import dev.airlock.verify.SourceRowCounter.UnreadableSourceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a table's rows with the rows of the source files in its lineage, counted again from the
 * files themselves.
 *
 * <p>Each source file counts once, however often it was imported: the lineage lists a file once,
 * and in Write-Audit-Publish a file's rows belong in a table once. A table imported twice from the
 * same file therefore fails this check (it holds every row twice), which is the duplicate load the
 * check exists to catch. The file the table was created from counts too, since Bauplan code creates
 * and imports from the same location; a table created from one file and filled from another shows
 * both in the evidence.
 */
final class LineageCheck {
  private final Lakehouse lakehouse;
  private final String ref;
  private final SourceRowCounter.Batch counter;

  LineageCheck(Lakehouse lakehouse, String ref, SourceRowCounter.Batch counter) {
    this.lakehouse = lakehouse;
    this.ref = ref;
    this.counter = counter;
  }

  /**
   * Null when the table has no lineage to compare against, or only files the code uploaded from its
   * sandbox: those reached the host once, as bytes, and cannot be counted again.
   */
  CheckResult run(TableInfo t, TableCounts counts) {
    List<String> uris = t.lineage().sourceUris();
    if (uris.isEmpty() || uris.stream().allMatch(Lineage::uploaded)) {
      return null;
    }
    return Trail.run(
        lakehouse,
        ref,
        "source_rows:" + t.fqn(),
        CheckKind.SOURCE_ROWS,
        t.fqn(),
        trail -> {
          long rows = TableChecks.rows(trail, t, counts);
          long sourceRows = 0;
          List<String> unreadable = new ArrayList<>();
          for (String uri : uris) {
            try {
              SourceCount c = counter.count(uri);
              trail.add(
                  new Evidence(
                      c.sql(),
                      List.of("source", "row_count"),
                      List.of(List.of(uri, c.rows())),
                      false,
                      "counted from the source file"));
              sourceRows += c.rows();
            } catch (UnreadableSourceException e) {
              trail.add(Evidence.note(null, e.getMessage()));
              unreadable.add(e.getMessage());
            }
          }
          if (!unreadable.isEmpty()) {
            return trail.result(
                Verdict.ERROR,
                "cannot compare "
                    + t.fqn()
                    + " with its sources: "
                    + TableChecks.abbreviate(unreadable.get(0))
                    + (unreadable.size() > 1 ? " (and " + (unreadable.size() - 1) + " more)" : ""));
          }
          String files =
              uris.size() == 1 ? "its source file" : "its " + uris.size() + " source files";
          if (rows == sourceRows) {
            return trail.pass(t.fqn() + " has " + rows + " rows, as many as " + files);
          }
          return trail.fail(
              t.fqn()
                  + " has "
                  + rows
                  + " rows but "
                  + files
                  + " "
                  + (uris.size() == 1 ? "has " : "have ")
                  + sourceRows
                  + hint(rows, sourceRows));
        });
  }

  private static String hint(long rows, long sourceRows) {
    if (sourceRows > 0 && rows > sourceRows && rows % sourceRows == 0) {
      return " (" + rows / sourceRows + " times as many: was a source imported more than once?)";
    }
    if (rows > sourceRows) {
      return " ("
          + (rows - sourceRows)
          + " rows more: the source shrank since the import, or"
          + " rows came from elsewhere)";
    }
    return " ("
        + (sourceRows - rows)
        + " rows missing: rows were dropped, or the source grew"
        + " since the import)";
  }
}
