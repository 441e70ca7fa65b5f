package dev.airlock.lakehouse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the lakehouse's operations, each as an {@link Op} reported to the listeners when it ends;
 * and parses the branch arguments where they enter.
 */
final class Operations {
  private final List<LakehouseListener> listeners = new CopyOnWriteArrayList<>();

  void addListener(LakehouseListener listener) {
    listeners.add(listener);
  }

  void removeListener(LakehouseListener listener) {
    listeners.remove(listener);
  }

  /**
   * A branch argument, parsed where it enters (every ref string is, so no alias of {@code main}
   * reaches the catalog): INVALID_REF when malformed, {@code pinned} for {@code name@hash}.
   */
  static RefName branchArg(String text, ErrorType pinned) {
    return RefSpec.parse(text).unpinned(pinned);
  }

  /** The branch a write or merge goes to. */
  static RefName writeTarget(String text) {
    return branchArg(text, ErrorType.NOT_A_WRITE_BRANCH_REF);
  }

  Branches.Outcome write(Op op, Op.Body<Branches.Outcome> body) {
    return run(
        op,
        o -> {
          Branches.Outcome out = body.call(o);
          o.published(out);
          return out;
        });
  }

  <T> T run(Op op, Op.Body<T> body) {
    return op.run(body, listeners);
  }
}
