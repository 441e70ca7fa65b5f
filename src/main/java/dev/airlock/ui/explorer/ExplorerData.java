package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.QueryCancel;
import dev.airlock.lakehouse.QueryResult;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.lakehouse.RevertPlan;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.session.Lakehouses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the explorer reads of a lakehouse, and its one write (a revert-merge the person confirmed).
 * Toolkit-free and blocking: the explorer calls it on a background thread. The embedded lakehouse
 * is a {@link Lakehouses} lease, so a run on the same home shares its catalog instead of fighting
 * for it.
 */
final class ExplorerData implements AutoCloseable {
  /** Commits listed of a branch. */
  static final int LOG_LIMIT = 500;

  /** A branch or a tag, as the refs list shows it. */
  record RefItem(String name, String hash, boolean tag) {}

  private final Lakehouse lake;
  private final AutoCloseable lease;
  private final String user;

  ExplorerData(Lakehouse lake, AutoCloseable lease, String user) {
    this.lake = lake;
    this.lease = lease;
    this.user = user;
  }

  /** A lease on the embedded lakehouse at {@code home}; {@code user} answers for its writes. */
  static ExplorerData open(Path home, String user) {
    Lakehouses.Lease lease = Lakehouses.open(home);
    return new ExplorerData(lease.lakehouse(), lease, user);
  }

  /** Branches (main first), then tags. */
  List<RefItem> refs() {
    List<RefItem> out = new ArrayList<>();
    List<Ref> branches = lake.branches(null);
    branches.stream()
        .filter(b -> b.name().equals(Lakehouse.MAIN))
        .forEach(b -> out.add(new RefItem(b.name(), b.hash(), false)));
    branches.stream()
        .filter(b -> !b.name().equals(Lakehouse.MAIN))
        .forEach(b -> out.add(new RefItem(b.name(), b.hash(), false)));
    lake.tags().forEach(t -> out.add(new RefItem(t.name(), t.hash(), true)));
    return out;
  }

  boolean hasBranch(String branch) {
    return lake.hasBranch(branch);
  }

  List<TableInfo> tables(String ref) {
    return lake.tables(ref);
  }

  /** A page of {@code table}'s rows from {@code offset}. */
  RowPages.Page tablePage(String ref, TableInfo table, long offset, QueryCancel cancel) {
    String sql = PageSql.table(table.namespace(), table.name(), offset, PageSql.PAGE_ROWS);
    return page(lake.query(sql, ref, PageSql.PAGE_ROWS, cancel));
  }

  /**
   * A page of the person's query from {@code offset}; a statement that cannot be paged runs whole
   * (its first {@value PageSql#UNPAGED_ROWS} rows), as one page.
   */
  RowPages.Page queryPage(String ref, String sql, long offset, QueryCancel cancel) {
    if (!PageSql.pageable(sql)) {
      return whole(ref, sql, cancel);
    }
    String paged = PageSql.query(sql, offset, PageSql.PAGE_ROWS);
    try {
      return page(lake.query(paged, ref, PageSql.PAGE_ROWS, cancel));
    } catch (LakehouseException e) {
      // Text the wrapping cannot hold (a semicolon before a comment, say) runs as typed; so does
      // a syntax error, whose message then quotes the person's text, not the wrapper.
      if (offset == 0 && String.valueOf(e.getMessage()).contains("syntax error")) {
        return whole(ref, sql, cancel);
      }
      throw e;
    }
  }

  private RowPages.Page whole(String ref, String sql, QueryCancel cancel) {
    QueryResult r = lake.query(sql, ref, PageSql.UNPAGED_ROWS, cancel);
    return new RowPages.Page(r.columns(), r.types(), r.rows(), false);
  }

  private static RowPages.Page page(QueryResult r) {
    return new RowPages.Page(r.columns(), r.types(), r.rows(), r.truncated());
  }

  List<Commit> commits(String ref) {
    return lake.commits(ref, LOG_LIMIT);
  }

  RefDiff diff(String from, String to) {
    return lake.diff(from, to);
  }

  RevertPlan planRevert(String merge, String branch) {
    return lake.planRevertMerge(merge, branch);
  }

  /** The revert the person confirmed, recorded as theirs ("human:USER"), as the CLI's is. */
  Ref revert(String merge, String branch) {
    return lake.revertMerge(merge, branch, WriteContext.user("human:" + user));
  }

  @Override
  public void close() {
    try {
      lease.close();
    } catch (Exception e) {
      // Closing a lease only closes the lakehouse when no run holds it; nothing to report.
    }
  }
}
