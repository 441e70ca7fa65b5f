package dev.airlock.lakehouse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One merge: three-way at table granularity from the merge base, the gate for {@code main}, and a
 * merge commit (target head, source) published by compare-and-swap. Into {@code main} a moved
 * target fails with BRANCH_HEAD_CHANGED (the gate approved a different result); into other branches
 * the merge is recomputed on the new head.
 */
final class MergeCommand {
  private static final int ATTEMPTS = 20;
  private final GitCatalog catalog;
  private final Branches branches;
  private final MergeGate gate;

  MergeCommand(GitCatalog catalog, Branches branches, MergeGate gate) {
    this.catalog = catalog;
    this.branches = branches;
    this.gate = gate;
  }

  Ref merge(RefSpec sourceRef, RefName into, WriteContext ctx, Op op) throws IOException {
    boolean gated = into.isMain();
    for (int attempt = 0; attempt < (gated ? 1 : ATTEMPTS); attempt++) {
      ObjectId targetHead = branches.head(into);
      Branches.Resolved source = branches.resolve(sourceRef);
      op.before = targetHead.name();
      op.after = targetHead.name();
      ObjectId base = catalog.mergeBase(source.id(), targetHead);
      if (source.id().equals(base)) {
        return Ref.branch(into.value(), targetHead.name());
      }
      CatalogState target = catalog.read(targetHead);
      Merges.Result result =
          Merges.threeWay(
              base == null ? CatalogState.empty() : catalog.read(base),
              catalog.read(source.id()),
              target);
      Ref targetRef = Ref.branch(into.value(), targetHead.name());
      if (!result.conflicts().isEmpty()) {
        throw conflict(sourceRef, into, result.conflicts());
      }
      String message =
          ctx.message() != null ? ctx.message() : "Merge " + source.ref().name() + " into " + into;
      // Written before the review (no ref points at it until the compare-and-swap below), so the
      // gate can audit exactly the state it would publish.
      ObjectId commit =
          catalog.writeCommit(result.state(), List.of(targetHead, source.id()), ctx, message);
      if (gated) {
        review(source.ref(), targetRef, target, result.state(), ctx, Ref.detached(commit.name()));
      }
      if (catalog.casBranch(into, targetHead, commit)) {
        op.after = commit.name();
        return Ref.branch(into.value(), commit.name());
      }
    }
    throw Branches.headChanged(into);
  }

  private void review(
      Ref source,
      Ref target,
      CatalogState before,
      CatalogState after,
      WriteContext ctx,
      Ref result) {
    RefDiff diff = Merges.diff(target, before, source, after);
    MergeDecision decision;
    try {
      decision = gate.reviewMerge(new MergeRequest(source, target, diff, ctx, result));
    } catch (RuntimeException e) {
      decision = MergeDecision.reject("the merge gate failed: " + e.getMessage());
    }
    if (decision == null || !decision.approved()) {
      String reason = decision == null ? "the merge gate gave no decision" : decision.reason();
      throw new LakehouseException(
          ErrorType.MERGE_FORBIDDEN,
          "Merge of " + source.name() + " into " + target.name() + " was rejected: " + reason,
          Map.of(
              "source_ref", source.toString(), "destination_ref", target.name(), "reason", reason));
    }
  }

  private static LakehouseException conflict(RefSpec source, RefName into, List<String> tables) {
    return new LakehouseException(
        ErrorType.MERGE_CONFLICT,
        "Cannot merge "
            + source
            + " into "
            + into
            + ": tables changed on both sides since they diverged: "
            + String.join(", ", tables)
            + ". Revert those tables on one side"
            + " (revert_table) and merge again.",
        Map.of(
            "source_ref", source.toString(), "destination_ref", into.value(), "conflicts", tables));
  }
}
