package dev.airlock.lakehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Undoing one merge as a new commit: the tables the merge changed (its tree against its first
 * parent's) go back to their first-parent versions; everything else on the branch stays. A table
 * the merge touched that changed again since is a conflict: nothing is written. Nothing is
 * rewritten, so every old commit stays reachable. As in Git, the reverted merge still counts as
 * merged: merging the same branch again brings only what changed on it since, so publish a fix from
 * a new branch made from the reverted head.
 *
 * <p>This is the one write {@code main} takes outside a merge, and it skips the {@link MergeGate}
 * on purpose: it is the human's act of taking a publication back (after a failed post-merge check),
 * it only restores states {@code main} already had, and a gate that could refuse it would leave bad
 * data published.
 */
final class MergeRevert {
  /** Commit property naming the merge a revert undid (its full hash). */
  static final String REVERTED_MERGE = WriteContext.REVERTED_MERGE;

  private final GitCatalog catalog;
  private final Branches branches;

  MergeRevert(GitCatalog catalog, Branches branches) {
    this.catalog = catalog;
    this.branches = branches;
  }

  /** The merge, its first parent's and its own catalog state, checked against the branch. */
  private record Target(
      Commit merge, CatalogState before, CatalogState after, List<String> tables) {}

  RevertPlan plan(CommitHash mergeCommit, RefName branch) throws IOException {
    ObjectId head = branches.head(branch);
    Target t = target(mergeCommit, branch, head);
    CatalogState now = catalog.read(head);
    CatalogState next = apply(t, now, branch);
    Ref headRef = Ref.branch(branch.value(), head.name());
    return new RevertPlan(
        t.merge(),
        headRef,
        t.tables(),
        Merges.diff(headRef, now, Ref.branch(branch.value(), ""), next));
  }

  Branches.Outcome revert(CommitHash mergeCommit, RefName branch, WriteContext ctx)
      throws IOException {
    Target t = target(mergeCommit, branch, branches.head(branch));
    WriteContext revertCtx =
        ctx.withMessage(null).withProperties(Map.of(REVERTED_MERGE, t.merge().hash()));
    String message =
        "Revert merge " + CommitHash.abbreviate(t.merge().hash()) + ": " + t.merge().subject();
    // Branches.commit re-applies on a moved head, so the conflict check always sees the head
    // that is actually replaced.
    return branches.commit(branch, revertCtx, message, now -> apply(t, now, branch));
  }

  private Target target(CommitHash mergeCommit, RefName branch, ObjectId head) throws IOException {
    ObjectId id = catalog.commitId(mergeCommit);
    if (id == null) {
      throw new LakehouseException(
          ErrorType.REF_NOT_FOUND,
          "Commit '"
              + mergeCommit
              + "' not found: copy a merge commit's hash from `airlock lakehouse log "
              + branch
              + "`.",
          Map.of("input_ref", mergeCommit.hex()));
    }
    Commit merge = catalog.log(id, 1).get(0);
    String label = "Commit " + CommitHash.abbreviate(merge.hash()) + " ('" + merge.subject() + "')";
    if (!catalog.isAncestor(id, head)) {
      throw badRequest(
          label
              + " is not in the history of "
              + branch
              + ": pass a merge"
              + " commit listed by `airlock lakehouse log "
              + branch
              + "`.",
          merge,
          branch);
    }
    if (merge.parents().size() < 2) {
      throw badRequest(
          label
              + " is not a merge commit: revert-merge undoes merges; to undo"
              + " one table's change use revert_table on a branch.",
          merge,
          branch);
    }
    // A revert is a one-parent commit the branch took itself. Properties alone prove nothing: the
    // agent's code names commit properties too, and a merge brings in commits the code wrote.
    Commit revert =
        catalog.findSince(
            head,
            id,
            c ->
                c.parents().size() == 1 && merge.hash().equals(c.properties().get(REVERTED_MERGE)));
    if (revert != null) {
      throw badRequest(
          label
              + " was already reverted on "
              + branch
              + " by "
              + CommitHash.abbreviate(revert.hash())
              + ": nothing to do.",
          merge,
          branch);
    }
    CatalogState before = catalog.read(ObjectId.fromString(merge.parents().get(0)));
    CatalogState after = catalog.read(id);
    List<String> tables = changedTables(before, after);
    if (tables.isEmpty()) {
      throw badRequest(label + " changed no table: nothing to revert.", merge, branch);
    }
    return new Target(merge, before, after, tables);
  }

  private static CatalogState apply(Target t, CatalogState now, RefName branch) {
    List<String> conflicts = new ArrayList<>();
    CatalogState out = now;
    for (String fqn : t.tables()) {
      if (!same(t.after().tables().get(fqn), now.tables().get(fqn))) {
        conflicts.add(fqn);
      }
      out = out.withEntry(fqn, t.before().tables().get(fqn));
    }
    if (!conflicts.isEmpty()) {
      throw new LakehouseException(
          ErrorType.MERGE_CONFLICT,
          "Cannot revert merge "
              + CommitHash.abbreviate(t.merge().hash())
              + " on "
              + branch
              + ": tables changed again after it: "
              + String.join(", ", conflicts)
              + ". Nothing was written; restore those tables by hand"
              + " (revert_table on a branch, then merge) instead.",
          Map.of(
              "source_ref",
              t.merge().hash(),
              "destination_ref",
              branch.value(),
              "conflicts",
              conflicts));
    }
    return out.withNamespaces(namespaces(t, out));
  }

  /** The branch's namespaces, minus the ones the merge brought that no table uses any more. */
  private static Set<String> namespaces(Target t, CatalogState out) {
    Set<String> ns = new TreeSet<>(out.namespaces());
    for (String n : t.after().namespaces()) {
      if (!t.before().namespaces().contains(n)
          && out.tables().values().stream().noneMatch(e -> e.doc().namespace().equals(n))) {
        ns.remove(n);
      }
    }
    ns.addAll(t.before().namespaces());
    return ns;
  }

  private static List<String> changedTables(CatalogState before, CatalogState after) {
    Set<String> all = new TreeSet<>(before.tables().keySet());
    all.addAll(after.tables().keySet());
    return all.stream()
        .filter(fqn -> !same(before.tables().get(fqn), after.tables().get(fqn)))
        .toList();
  }

  private static boolean same(CatalogState.Entry a, CatalogState.Entry b) {
    return a == null ? b == null : a.sameAs(b);
  }

  private static LakehouseException badRequest(String message, Commit merge, RefName branch) {
    return new LakehouseException(
        ErrorType.BAD_REQUEST,
        message,
        Map.of("input_ref", merge.hash(), "branch_name", branch.value()));
  }
}
