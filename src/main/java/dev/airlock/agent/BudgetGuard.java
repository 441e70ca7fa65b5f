package dev.airlock.agent;

import dev.airlock.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's budget, checked before each model call (never in the middle of an execution): when the
 * tokens, dollars or time used reach a limit, it records {@link RunEvent.BudgetReached}, asks the
 * supervisor to extend or stop, and records the answer as {@link RunEvent.BudgetDecided} (a
 * question withdrawn because the run stopped is on record as its withdrawal instead). A fork counts
 * from zero: what its parent spent is not carried over.
 */
final class BudgetGuard {
  private final RunEvents events;
  private final Supervisor supervisor;
  private final Interruptible waits;
  private final Runnable checkStopped;
  private Budget budget;
  private Instant started;
  private String reason;

  /**
   * @param checkStopped unwinds the run when it was stopped (while the question waited)
   */
  BudgetGuard(
      Budget budget,
      RunEvents events,
      Supervisor supervisor,
      Interruptible waits,
      Runnable checkStopped) {
    this.budget = budget == null ? Budget.NONE : budget;
    this.events = events;
    this.supervisor = supervisor;
    this.waits = waits;
    this.checkStopped = checkStopped;
  }

  /**
   * Checks the budget after turn {@code turn}, before the next model call: true when the run must
   * end with status BUDGET ({@link #reason} says why), false to go on (within the budget, or
   * extended). The clock starts at the first check, just after the run started.
   */
  boolean spent(int turn, Usage usage, Double cost) {
    if (started == null) {
      started = events.now();
    }
    if (!budget.limited()) {
      return false;
    }
    reason = check(turn, usage, cost);
    checkStopped.run();
    return reason != null;
  }

  /** Why the run ended on its budget; null while it has not. */
  String reason() {
    return reason;
  }

  private String check(int turn, Usage usage, Double cost) {
    BudgetFigures used = used(usage, cost);
    List<String> reached = reached(used);
    if (reached.isEmpty()) {
      return null;
    }
    BudgetFigures limit = BudgetFigures.of(budget);
    events.emit(new RunEvent.BudgetReached(turn, events.now(), reached, used, limit));
    BudgetReport report =
        new BudgetReport(turn, reached, used, budget, suggest(turn, reached, used));
    String spent = "the run reached its budget: " + report.describe();
    BudgetVerdict verdict =
        waits.await(() -> supervisor.reviewBudget(report), RuntimeException.class);
    if (Decision.WITHDRAWN_BY.equals(verdict.by())) {
      // The run stopped while the question waited: the withdrawal is on record, not a decision.
      return spent;
    }
    if (verdict instanceof BudgetVerdict.Extend extend) {
      events.emit(
          new RunEvent.BudgetDecided(
              turn, events.now(), extend.by(), "extend", BudgetFigures.of(extend.budget()), null));
      budget = extend.budget();
      return null;
    }
    BudgetVerdict.Stop stop = (BudgetVerdict.Stop) verdict;
    events.emit(
        new RunEvent.BudgetDecided(turn, events.now(), stop.by(), "stop", null, stop.reason()));
    return stop.reason() == null || stop.reason().isBlank()
        ? spent + "; stopped by " + stop.by()
        : spent + "; " + stop.reason();
  }

  private BudgetFigures used(Usage usage, Double cost) {
    long seconds = Duration.between(started, events.now()).toSeconds();
    return new BudgetFigures(usage.totalTokens(), cost, seconds);
  }

  private List<String> reached(BudgetFigures used) {
    List<String> reached = new ArrayList<>();
    if (budget.tokens() != null && used.tokens() >= budget.tokens()) {
      reached.add(BudgetFigures.TOKENS);
    }
    if (budget.usd() != null && used.usd() != null && used.usd() >= budget.usd()) {
      reached.add(BudgetFigures.USD);
    }
    if (budget.time() != null && used.seconds() >= budget.time().toSeconds()) {
      reached.add(BudgetFigures.TIME);
    }
    return reached;
  }

  /**
   * Each reached limit raised to room for one more turn like the average so far, rounded up to a
   * multiple of the limit (12,480 of 10,000 tokens after turn 3 suggests 20,000).
   */
  private Budget suggest(int turn, List<String> reached, BudgetFigures used) {
    int turns = Math.max(1, turn);
    Long tokens = budget.tokens();
    Double usd = budget.usd();
    Duration time = budget.time();
    if (reached.contains(BudgetFigures.TOKENS)) {
      tokens = (long) roundUp(used.tokens(), turns, tokens);
    }
    if (reached.contains(BudgetFigures.USD)) {
      usd = roundUp(used.usd(), turns, usd);
    }
    if (reached.contains(BudgetFigures.TIME)) {
      time =
          Duration.ofSeconds((long) roundUp(used.seconds(), turns, Math.max(1, time.toSeconds())));
    }
    return new Budget(tokens, usd, time);
  }

  /**
   * The smallest multiple of {@code limit} at least {@code used} plus one average turn, above used.
   */
  private static double roundUp(double used, int turns, double limit) {
    double multiples = Math.ceil((used + used / turns) / limit);
    return Math.max(multiples, Math.floor(used / limit) + 1) * limit;
  }
}
