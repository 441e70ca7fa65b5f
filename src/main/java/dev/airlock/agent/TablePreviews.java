package dev.airlock.agent;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.TableField;
import dev.airlock.lakehouse.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the first rows of each table a merge adds or changes, on the ref the gate audits, for the
 * supervisor to look at before publishing. Tables are read through {@link Lakehouse#scan} with the
 * catalog's column names (the lakehouse validates table names and quotes identifiers): no SQL is
 * built here from names the agent chose. A table that cannot be read gets a note, never an error: a
 * preview is evidence, not a check.
 */
public final class TablePreviews {
  private final Lakehouse lakehouse;

  public TablePreviews(Lakehouse lakehouse) {
    this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
  }

  /** One preview per change, in the order of {@code changes}. */
  public List<MergeEvidence.TablePreview> preview(String ref, List<RunEvent.TableChange> changes) {
    List<MergeEvidence.TablePreview> out = new ArrayList<>();
    for (RunEvent.TableChange change : changes) {
      out.add(preview(ref, change));
    }
    return out;
  }

  /** The preview of one changed table; a note, never an error, when it cannot be read. */
  public MergeEvidence.TablePreview preview(String ref, RunEvent.TableChange change) {
    if ("removed".equals(change.change())) {
      return MergeEvidence.TablePreview.note(change.table(), "the merge removes this table");
    }
    try {
      TableInfo table = lakehouse.table(ref, change.table());
      List<String> names = table.fields().stream().map(TableField::name).toList();
      if (names.isEmpty()) {
        return MergeEvidence.TablePreview.note(change.table(), "the table has no columns");
      }
      List<String> shown =
          names.subList(0, Math.min(names.size(), MergeEvidence.TablePreview.MAX_COLUMNS));
      // One row more than shown tells whether the table goes on.
      QueryResult r =
          lakehouse.scan(change.table(), ref, shown, null, MergeEvidence.TablePreview.MAX_ROWS + 1);
      String note =
          shown.size() < names.size()
              ? "first " + shown.size() + " of " + names.size() + " columns"
              : null;
      return new MergeEvidence.TablePreview(change.table(), r.columns(), r.rows(), false, note);
    } catch (RuntimeException e) {
      return MergeEvidence.TablePreview.note(
          change.table(),
          "could not read the table: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
