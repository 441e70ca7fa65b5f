package dev.airlock.lakehouse;

/**
 * Decides every merge into {@code main}, whoever asked for it (agent code through the gateway, the
 * engine, the CLI). May block while a human decides; the lakehouse holds no lock meanwhile, and if
 * the target moved during the wait the merge fails with {@code BRANCH_HEAD_CHANGED} rather than
 * publishing something nobody reviewed.
 */
@FunctionalInterface
public interface MergeGate {

  MergeDecision reviewMerge(MergeRequest request);

  /** A gate that lets everything through (tests, or when a human already decided). */
  static MergeGate approveAll() {
    return request -> MergeDecision.approve();
  }

  /** A gate that refuses everything with one reason (dry runs). */
  static MergeGate rejectAll(String reason) {
    return request -> MergeDecision.reject(reason);
  }
}
