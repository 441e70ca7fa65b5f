package dev.airlock.agent;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.SchemaChange;
import dev.airlock.lakehouse.TableDiff;
import java.time.Clock;
import java.util.List;

/**
 * The run's merge gate: every merge into main during the run, whoever asked for it, is announced
 * as a {@link RunEvent.MergeRequested}, decided by the run's {@link MergePolicy} (a human through
 * the {@link Supervisor} when it is {@code ask}), and the decision recorded as a {@link
 * RunEvent.MergeDecided}.
 */
public final class RunMergeGate implements MergeGate {
  private final MergePolicy policy;
  private final Supervisor supervisor;
  private final RunListener listener;
  private final Clock clock;

  public RunMergeGate(MergePolicy policy, Supervisor supervisor, RunListener listener, Clock clock) {
    this.policy = policy;
    this.supervisor = supervisor;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public MergeDecision reviewMerge(MergeRequest request) {
    int turn = request.context() == null || request.context().turn() == null ? 0 : request.context().turn();
    listener.onEvent(new RunEvent.MergeRequested(turn, clock.instant(), request.source().name(),
        request.source().hash(), request.target().name(), request.target().hash(),
        changes(request.diff().tables()), policy.cliName()));
    MergeDecision decision;
    String by;
    switch (policy) {
      case AUTO -> {
        decision = MergeDecision.approve();
        by = "policy:auto";
      }
      case NEVER -> {
        decision = MergeDecision.reject("this is a dry run (--merge never): nothing reaches main");
        by = "policy:never";
      }
      default -> {
        decision = supervisor.reviewMerge(request);
        by = supervisor.reviewer();
      }
    }
    listener.onEvent(new RunEvent.MergeDecided(turn, clock.instant(), request.source().name(),
        request.target().name(), decision.approved(), by, decision.reason()));
    return decision;
  }

  static List<RunEvent.TableChange> changes(List<TableDiff> diffs) {
    return diffs.stream().map(t -> new RunEvent.TableChange(t.fqn(), t.change().name().toLowerCase(java.util.Locale.ROOT),
        t.rowsBefore(), t.rowsAfter(), t.schemaChanges().stream().map(RunMergeGate::describe).toList())).toList();
  }

  private static String describe(SchemaChange c) {
    return switch (c.kind()) {
      case ADDED -> "+" + c.column() + " " + c.after();
      case REMOVED -> "-" + c.column() + " " + c.before();
      case TYPE_CHANGED -> c.column() + " " + c.before() + " -> " + c.after();
    };
  }
}
