package dev.airlock.lakehouse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Ref lookup, creation and the write path: resolves a parsed {@link RefSpec} ({@code branch},
 * {@code tag}, {@code name@hash}, {@code @hash}) by exact name; creates branches and tags (one name
 * is one ref); checks that a write target is a branch other than {@code main}; and publishes a
 * change as one commit by compare-and-swap, rebuilding it on the new head when another writer got
 * there first.
 */
final class Branches {
  private static final int MAX_ATTEMPTS = 50;

  private final GitCatalog catalog;

  Branches(GitCatalog catalog) {
    this.catalog = catalog;
  }

  /** A ref and the commit it points at. */
  record Resolved(Ref ref, ObjectId id) {}

  /** Resolves a parsed ref to its commit; REF_NOT_FOUND when the name or commit is unknown. */
  Resolved resolve(RefSpec ref) throws IOException {
    if (ref.pinned()) {
      return resolvePinned(ref);
    }
    RefName name = ref.name();
    ObjectId head = catalog.branchHead(name);
    if (head != null) {
      return new Resolved(Ref.branch(name.value(), head.name()), head);
    }
    ObjectId tag = catalog.tagTarget(name);
    if (tag != null) {
      return new Resolved(Ref.tag(name.value(), tag.name()), tag);
    }
    throw refNotFound(ref);
  }

  private Resolved resolvePinned(RefSpec ref) throws IOException {
    ObjectId id = catalog.commitId(ref.hash());
    if (id == null) {
      throw refNotFound(ref);
    }
    RefName name = ref.name();
    if (name == null) {
      return new Resolved(Ref.detached(id.name()), id);
    }
    if (catalog.branchHead(name) != null) {
      return new Resolved(Ref.branch(name.value(), id.name()), id);
    }
    if (catalog.tagTarget(name) != null) {
      return new Resolved(Ref.tag(name.value(), id.name()), id);
    }
    throw refNotFound(ref);
  }

  static LakehouseException refNotFound(RefSpec ref) {
    return new LakehouseException(
        ErrorType.REF_NOT_FOUND,
        "Ref '" + ref + "' not found: list branches with `airlock lakehouse branches`.",
        Map.of("input_ref", ref.toString()));
  }

  /**
   * Creates {@code name} at {@code at}. A name is one ref: refs resolve branch first, so a branch
   * named like a tag would quietly put writable data where the person's fixed snapshot was
   * (TAG_EXISTS); BRANCH_EXISTS; INVALID_REF when it clashes with a branch that is a prefix of it.
   */
  void create(RefName name, ObjectId at) throws IOException {
    String branch = name.value();
    if (catalog.tagTarget(name) != null) {
      throw new LakehouseException(
          ErrorType.TAG_EXISTS,
          "'"
              + branch
              + "' is already a tag: a"
              + " branch of that name would hide it; pick another name.",
          Map.of("tag_name", branch, "input_ref", branch));
    }
    if (!catalog.casBranch(name, ObjectId.zeroId(), at)) {
      ObjectId head = catalog.branchHead(name);
      if (head == null) {
        throw new LakehouseException(
            ErrorType.INVALID_REF,
            "Branch name '"
                + branch
                + "' clashes with an existing branch that is a prefix of it (or extends it with"
                + " '/'): pick another name.",
            Map.of("input_ref", branch));
      }
      Ref existing = Ref.branch(branch, head.name());
      throw new LakehouseException(
          ErrorType.BRANCH_EXISTS,
          "Branch '" + branch + "' already exists: pick another name or delete it first.",
          Map.of(
              "branch_name", branch, "catalog_ref", existing.toString(), "hash", existing.hash()));
    }
  }

  /**
   * Tags {@code at} as {@code name}; tags never move. BRANCH_EXISTS (it would hide), TAG_EXISTS.
   */
  void tag(RefName name, ObjectId at) throws IOException {
    String tag = name.value();
    if (catalog.branchHead(name) != null) {
      throw new LakehouseException(
          ErrorType.BRANCH_EXISTS,
          "'"
              + tag
              + "' is already a branch:"
              + " a tag of that name would be hidden by it (refs resolve branch first); pick another"
              + " name.",
          Map.of("branch_name", tag, "input_ref", tag));
    }
    if (!catalog.createTag(name, at)) {
      throw new LakehouseException(
          ErrorType.TAG_EXISTS,
          "Tag '" + tag + "' already exists: tags never move; pick another name.",
          Map.of("tag_name", tag, "catalog_ref", tag));
    }
  }

  /** The head of a branch to write; NOT_A_WRITE_BRANCH_REF for tags. */
  ObjectId head(RefName branch) throws IOException {
    return head(branch, ErrorType.NOT_A_WRITE_BRANCH_REF);
  }

  /** The head of an existing branch; {@code notBranch} for tags, BRANCH_NOT_FOUND otherwise. */
  ObjectId head(RefName branch, ErrorType notBranch) throws IOException {
    ObjectId head = catalog.branchHead(branch);
    if (head != null) {
      return head;
    }
    if (catalog.tagTarget(branch) != null) {
      throw new LakehouseException(
          notBranch,
          "'"
              + branch
              + "' is a tag, not a branch: tags cannot be written, create a branch"
              + " from it.",
          Map.of("input_ref", branch.value()));
    }
    throw branchNotFound(branch);
  }

  static LakehouseException branchNotFound(RefName branch) {
    return new LakehouseException(
        ErrorType.BRANCH_NOT_FOUND,
        "Branch '"
            + branch
            + "' not found: create it with create_branch('"
            + branch
            + "', from_ref='main').",
        Map.of("branch_name", branch.value()));
  }

  /** Checks a direct write target: a branch, and not {@code main}. Returns its head. */
  ObjectId writable(RefName branch, ErrorType forbidden, String what) throws IOException {
    ObjectId head = head(branch);
    if (branch.isMain()) {
      throw new LakehouseException(
          forbidden,
          "Cannot "
              + what
              + " on main: main takes no direct writes: create a branch from main,"
              + " write there, then merge.",
          Map.of("branch_name", branch.value()));
    }
    return head;
  }

  /** What a write did, for the commit and the event. */
  record Outcome(Ref head, ObjectId before) {}

  /**
   * Applies {@code change} to the branch's current state and publishes it as one commit. When the
   * head moved meanwhile, the change is applied again to the new head (it may throw then, e.g. the
   * table vanished); after many lost races BRANCH_HEAD_CHANGED. Nothing is published on failure.
   */
  Outcome commit(
      RefName branch, WriteContext ctx, String message, UnaryOperator<CatalogState> change)
      throws IOException {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ObjectId head = head(branch);
      CatalogState next = change.apply(catalog.read(head));
      String msg = ctx.message() == null ? message : ctx.message();
      ObjectId commit = catalog.writeCommit(next, List.of(head), ctx, msg);
      if (catalog.casBranch(branch, head, commit)) {
        return new Outcome(Ref.branch(branch.value(), commit.name()), head);
      }
      backoff(attempt);
    }
    throw headChanged(branch);
  }

  static LakehouseException headChanged(RefName branch) {
    return new LakehouseException(
        ErrorType.BRANCH_HEAD_CHANGED,
        "Branch '"
            + branch
            + "' kept changing while this write was published: nothing was"
            + " written; try again.",
        Map.of("input_ref", branch.value(), "branch_name", branch.value()));
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakehouseException(
          ErrorType.INTERNAL_ERROR, "Interrupted while writing.", Map.of());
    }
  }
}
