package dev.airlock.lakehouse.gateway;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/** A merge gate whose decisions a test queues, like a supervisor answering one by one. */
final class ScriptedGate implements MergeGate {
  final BlockingQueue<MergeDecision> decisions = new LinkedBlockingQueue<>();
  final List<MergeRequest> requests = new CopyOnWriteArrayList<>();

  /** What {@link #clockPaused} said while each request waited for its decision. */
  final List<Boolean> clockPausedAtReview = new CopyOnWriteArrayList<>();

  volatile BooleanSupplier clockPaused = () -> false;

  @Override
  public MergeDecision reviewMerge(MergeRequest request) {
    requests.add(request);
    clockPausedAtReview.add(clockPaused.getAsBoolean());
    try {
      return decisions.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MergeDecision.reject("the supervisor went away");
    }
  }
}
