package dev.airlock.lakehouse;

import java.util.List;

/**
 * What {@link Lakehouse#revertMerge} would publish now: the merge being undone, the branch head it
 * was computed on, and the diff from that head to the reverted state ({@code diff.to()} carries an
 * empty hash: that commit does not exist yet). {@code tables} are the fqns the merge changed.
 */
public record RevertPlan(Commit merge, Ref head, List<String> tables, RefDiff diff) {
  public RevertPlan {
    tables = List.copyOf(tables);
  }
}
