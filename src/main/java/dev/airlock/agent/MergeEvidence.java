package dev.airlock.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.airlock.model.Usage;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the supervisor sees before publishing: the diff against main per table, the audit's check
 * results on the source branch, where each table's data came from in this run, what the run has
 * cost so far, the first rows of each table the merge adds or changes ({@code previews}, never
 * null: empty when none could be read), and how long the audit took ({@code auditTime}, null when
 * unknown).
 */
public record MergeEvidence(
    String source,
    String target,
    List<RunEvent.TableChange> changes,
    VerificationReport verification,
    List<Provenance> provenance,
    Usage usage,
    Double costUsd,
    List<TablePreview> previews,
    AuditTime auditTime) {

  public MergeEvidence {
    previews = previews == null ? List.of() : List.copyOf(previews);
  }

  /**
   * How long the audit behind the evidence took, in milliseconds: {@code millis} all of it (the
   * checks on every table of the ref, the checks on the whole ref, the previews), {@code tables}
   * each table's own share. Any figure may be null: unknown. Read from a transcript, the values are
   * whatever the file says until {@link RunHistory} has vetted them (at most {@link #MAX_MILLIS},
   * never negative, no null entries).
   */
  public record AuditTime(Long millis, List<TableTime> tables) {
    /** A week: no audit the engine runs takes longer, so a larger figure is not one it wrote. */
    public static final long MAX_MILLIS = 7L * 24 * 60 * 60 * 1000;

    public AuditTime {
      // Not List.copyOf: a transcript's null entries must reach the reader's check, which names
      // them.
      tables = tables == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tables));
    }

    /** Nanoseconds as measured, in whole milliseconds (rounded, at most {@link #MAX_MILLIS}). */
    public static long millis(long nanos) {
      return Math.min(MAX_MILLIS, Math.max(0, (nanos + 500_000) / 1_000_000));
    }

    /** The figure for {@code table}, or null when the audit did not time it. */
    public TableTime table(String table) {
      return tables.stream()
          .filter(t -> t != null && table.equals(t.table()))
          .findFirst()
          .orElse(null);
    }

    /** Whether every figure is one the engine could have written; see {@link RunHistory}. */
    @JsonIgnore
    public boolean plausible() {
      return plausible(millis)
          && tables.stream()
              .allMatch(
                  t ->
                      t != null
                          && t.table() != null
                          && plausible(t.checksMillis())
                          && plausible(t.previewMillis()));
    }

    private static boolean plausible(Long millis) {
      return millis == null || (millis >= 0 && millis <= MAX_MILLIS);
    }

    /** A duration for people: "<1 ms", "120 ms", "1.2 s", "3 min 4 s", "2 h 5 min". */
    public static String words(long millis) {
      if (millis < 1) {
        return "<1 ms";
      }
      if (millis < 1000) {
        return millis + " ms";
      }
      if (millis < 60_000) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
      }
      long seconds = millis / 1000;
      if (seconds < 3600) {
        return seconds / 60 + " min " + seconds % 60 + " s";
      }
      return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
  }

  /**
   * One table's share of the audit, in milliseconds: its checks ({@code checksMillis}; null when
   * the table was not checked, e.g. the merge removes it) and its preview ({@code previewMillis};
   * null when none was read).
   */
  public record TableTime(String table, Long checksMillis, Long previewMillis) {
    /** Checks and preview together; null when neither is known. */
    @JsonIgnore
    public Long millis() {
      if (checksMillis == null && previewMillis == null) {
        return null;
      }
      return (checksMillis == null ? 0 : checksMillis)
          + (previewMillis == null ? 0 : previewMillis);
    }
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
