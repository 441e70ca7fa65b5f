package dev.airlock.agent;

import dev.airlock.model.Usage;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the supervisor sees before publishing: the diff against main per table, the audit's check
 * results on the source branch, where each table's data came from in this run, what the run has
 * cost so far, and the first rows of each table the merge adds or changes ({@code previews}, never
 * null: empty when none could be read).
 */
public record MergeEvidence(
    String source,
    String target,
    List<RunEvent.TableChange> changes,
    VerificationReport verification,
    List<Provenance> provenance,
    Usage usage,
    Double costUsd,
    List<TablePreview> previews) {

  public MergeEvidence {
    previews = previews == null ? List.of() : List.copyOf(previews);
  }

  /**
   * Which turn's code last wrote a table, the hash of that code, and who approved it and how (as
   * proposed or edited). {@code turn} is null when the table was not written by this run.
   */
  public record Provenance(
      String table, Integer turn, String codeSha256, String approvedBy, String how) {}

  public boolean checksPassed() {
    return verification != null && verification.passed();
  }

  /**
   * The first rows of a table as the merge would publish it: at most {@link #MAX_ROWS} rows of at
   * most {@link #MAX_COLUMNS} columns ({@code truncated}: the table has more rows), values
   * shortened as check evidence's are. {@code note} says what is missing and why (columns left out,
   * a table the merge removes, a read that failed); the values are the agent's data, so hostile.
   */
  public record TablePreview(
      String table, List<String> columns, List<List<Object>> rows, boolean truncated, String note) {
    public static final int MAX_ROWS = 5;
    public static final int MAX_COLUMNS = 12;

    public TablePreview {
      columns = List.copyOf(columns.subList(0, Math.min(columns.size(), MAX_COLUMNS)));
      List<List<Object>> kept = new ArrayList<>();
      for (List<Object> row : rows) {
        if (kept.size() == MAX_ROWS) {
          truncated = true;
          break;
        }
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < Math.min(row.size(), columns.size()); i++) {
          cells.add(Evidence.shorten(row.get(i)));
        }
        kept.add(Collections.unmodifiableList(cells));
      }
      rows = List.copyOf(kept);
    }

    /** A table with no rows to show, saying why. */
    public static TablePreview note(String table, String note) {
      return new TablePreview(table, List.of(), List.of(), false, note);
    }
  }
}
