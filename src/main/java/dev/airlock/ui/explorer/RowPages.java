package dev.airlock.ui.explorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a result as far as they have been fetched, page by page: whether another page exists,
 * whether one is being fetched, and whether the rows a person looks at are close enough to the end
 * to fetch the next. Toolkit-free; the table view asks it and shows its rows.
 */
final class RowPages {
  /** Fetch the next page when the last row looked at is this close to the last row held. */
  static final int AHEAD = PageSql.PAGE_ROWS / 2;

  /** One fetched page: {@code more} says that rows follow it. */
  record Page(List<String> columns, List<String> types, List<List<Object>> rows, boolean more) {
    Page {
      columns = List.copyOf(columns);
      types = List.copyOf(types);
      rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }
  }

  private List<String> columns = List.of();
  private List<String> types = List.of();
  private long held;
  private boolean more = true;
  private boolean fetching;

  /** The offset of the next page to fetch. */
  long nextOffset() {
    return held;
  }

  /** Whether a page should be fetched now, the person looking at row {@code lastSeen} (0-based). */
  boolean wants(int lastSeen) {
    return more && !fetching && lastSeen >= held - AHEAD;
  }

  /** Marks a fetch as started; false when one is already under way or no rows follow. */
  boolean startFetch() {
    if (fetching || !more) {
      return false;
    }
    fetching = true;
    return true;
  }

  /** Takes a fetched page; returns whether it is the first (the columns are new). */
  boolean add(Page page) {
    boolean first = held == 0 && columns.isEmpty();
    if (first) {
      columns = page.columns();
      types = page.types();
    }
    held += page.rows().size();
    more = page.more();
    fetching = false;
    return first;
  }

  /** A fetch failed or was cancelled: no more pages are fetched. */
  void stop() {
    fetching = false;
    more = false;
  }

  List<String> columns() {
    return columns;
  }

  List<String> types() {
    return types;
  }

  long held() {
    return held;
  }

  boolean more() {
    return more;
  }

  boolean fetching() {
    return fetching;
  }
}
