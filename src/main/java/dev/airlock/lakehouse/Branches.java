package dev.airlock.lakehouse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Ref grammar and the write path: resolves {@code branch}, {@code tag}, {@code name@hash} and
 * {@code @hash}; checks that a write target is a branch other than {@code main}; and publishes a
 * change as one commit by compare-and-swap, rebuilding it on the new head when another writer got
 * there first.
 */
final class Branches {
  /** Nessie's rule, which Bauplan's catalog follows. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z](((?![.][.])[A-Za-z0-9./_-])*[A-Za-z0-9._-])?");
  private static final int MAX_ATTEMPTS = 50;

  private final GitCatalog catalog;

  Branches(GitCatalog catalog) {
    this.catalog = catalog;
  }

  /** A ref and the commit it points at. */
  record Resolved(Ref ref, ObjectId id) {}

  static void checkName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches() || name.equals("HEAD")
        || name.equals("DETACHED") || name.endsWith(".lock") || name.contains("/.")
        || !Repository.isValidRefName(Constants.R_HEADS + name)) {
      throw new LakehouseException(ErrorType.INVALID_REF,
          "Invalid " + what + " name '" + name + "': start with a letter, then letters, digits"
              + " and . / _ - (e.g. 'alice.wap_payments').",
          Map.of("input_ref", String.valueOf(name)));
    }
  }

  Resolved resolve(String ref) throws IOException {
    if (ref == null || ref.isBlank()) {
      throw new LakehouseException(ErrorType.INVALID_REF,
          "No ref given: name a branch, a tag or name@hash.", Map.of("input_ref", ""));
    }
    int at = ref.indexOf('@');
    if (at >= 0) {
      return resolvePinned(ref, ref.substring(0, at), ref.substring(at + 1));
    }
    ObjectId head = catalog.branchHead(ref);
    if (head != null) {
      return new Resolved(Ref.branch(ref, head.name()), head);
    }
    ObjectId tag = catalog.tagTarget(ref);
    if (tag != null) {
      return new Resolved(Ref.tag(ref, tag.name()), tag);
    }
    throw refNotFound(ref);
  }

  private Resolved resolvePinned(String ref, String name, String hash) throws IOException {
    if (hash.isEmpty() || hash.contains("@")) {
      throw new LakehouseException(ErrorType.INVALID_REF,
          "Invalid ref '" + ref + "': use name@hash or @hash.", Map.of("input_ref", ref));
    }
    ObjectId id = catalog.commitId(hash);
    if (id == null) {
      throw refNotFound(ref);
    }
    if (name.isEmpty()) {
      return new Resolved(Ref.detached(id.name()), id);
    }
    if (catalog.branchHead(name) != null) {
      return new Resolved(Ref.branch(name, id.name()), id);
    }
    if (catalog.tagTarget(name) != null) {
      return new Resolved(Ref.tag(name, id.name()), id);
    }
    throw refNotFound(ref);
  }

  static LakehouseException refNotFound(String ref) {
    return new LakehouseException(ErrorType.REF_NOT_FOUND,
        "Ref '" + ref + "' not found: list branches with `airlock lakehouse branches`.",
        Map.of("input_ref", ref));
  }

  /** The head of a branch to write; NOT_A_WRITE_BRANCH_REF for tags and pinned refs. */
  ObjectId head(String branch) throws IOException {
    return head(branch, ErrorType.NOT_A_WRITE_BRANCH_REF);
  }

  /** The head of an existing branch; {@code notBranch} for tags, BRANCH_NOT_FOUND otherwise. */
  ObjectId head(String branch, ErrorType notBranch) throws IOException {
    if (branch == null || branch.contains("@")) {
      throw new LakehouseException(notBranch,
          "'" + branch + "' is a pinned ref, not a branch: name the branch alone.",
          Map.of("input_ref", String.valueOf(branch)));
    }
    ObjectId head = catalog.branchHead(branch);
    if (head != null) {
      return head;
    }
    if (catalog.tagTarget(branch) != null) {
      throw new LakehouseException(notBranch,
          "'" + branch + "' is a tag, not a branch: tags cannot be written, create a branch"
              + " from it.", Map.of("input_ref", branch));
    }
    throw branchNotFound(branch);
  }

  static LakehouseException branchNotFound(String branch) {
    return new LakehouseException(ErrorType.BRANCH_NOT_FOUND,
        "Branch '" + branch + "' not found: create it with create_branch('" + branch
            + "', from_ref='main').", Map.of("branch_name", branch));
  }

  /** Checks a direct write target: a branch, and not {@code main}. Returns its head. */
  ObjectId writable(String branch, ErrorType forbidden, String what) throws IOException {
    ObjectId head = head(branch);
    if (Lakehouse.MAIN.equals(branch)) {
      throw new LakehouseException(forbidden,
          "Cannot " + what + " on main: main takes no direct writes: create a branch from main,"
              + " write there, then merge.", Map.of("branch_name", branch));
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
  Outcome commit(String branch, WriteContext ctx, String message,
      UnaryOperator<CatalogState> change) throws IOException {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      ObjectId head = head(branch);
      CatalogState next = change.apply(catalog.read(head));
      String msg = ctx.message() == null ? message : ctx.message();
      ObjectId commit = catalog.writeCommit(next, List.of(head), ctx, msg);
      if (catalog.casRef(Constants.R_HEADS + branch, head, commit)) {
        return new Outcome(Ref.branch(branch, commit.name()), head);
      }
      backoff(attempt);
    }
    throw headChanged(branch);
  }

  static LakehouseException headChanged(String branch) {
    return new LakehouseException(ErrorType.BRANCH_HEAD_CHANGED,
        "Branch '" + branch + "' kept changing while this write was published: nothing was"
            + " written; try again.", Map.of("input_ref", branch, "branch_name", branch));
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 20) * 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LakehouseException(ErrorType.INTERNAL_ERROR, "Interrupted while writing.",
          Map.of());
    }
  }
}
