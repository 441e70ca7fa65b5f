package dev.airlock.ui;

import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RunEvent;
import java.util.List;

/**
 * What the engine's events do to the window, batch by batch: kept apart from {@link ConsoleWindow}
 * because deciding what to show, ask and announce when events arrive is one job of its own.
 */
final class RunFeed {
  private final ConsoleWindow w;

  RunFeed(ConsoleWindow w) {
    this.w = w;
  }

  /** Applies {@code batch} of {@code entry}'s events: panes, questions, notices, the gate. */
  void onBatch(RunEntry entry, List<RunEvent> batch) {
    PendingDecision before = entry.model.waiting();
    // Withdrawn on the engine's side before this batch came: no longer "waiting", but asked.
    PendingDecision lastAsked = entry.model.lastAsked();
    boolean editing =
        lastAsked instanceof PendingApproval
            && entry == w.current
            && entry.selectedTurn == lastAsked.turn()
            && w.code.edited();
    List<RunEvent> fresh =
        batch.stream()
            .filter(
                e ->
                    !(e instanceof RunEvent.RunStarted
                        && entry.model.projection().started() != null))
            .toList();
    entry.model.apply(fresh);
    PendingDecision now = entry.model.waiting();
    boolean asked = now != null && now != before;
    int shown = entry.selectedTurn;
    if (asked) {
      w.decisions.asked(now);
      entry.selectedTurn = now.turn();
      entry.follow = true;
      w.notifier.gateWaits(
          w.stage,
          "Airlock: "
              + (now instanceof PendingMerge
                  ? "a merge into main"
                  : now instanceof PendingBudget ? "a budget decision" : "code")
              + " waits for you",
          entry.name + ", turn " + now.turn());
    }
    if (lastAsked != null && lastAsked.withdrawn() && entry == w.current) {
      String why =
          batch.stream()
              .filter(
                  e -> e instanceof RunEvent.DecisionWithdrawn w && w.turn() == lastAsked.turn())
              .map(e -> ((RunEvent.DecisionWithdrawn) e).reason())
              .findFirst()
              .orElse("the run stopped");
      w.actions.say(
          "Turn "
              + lastAsked.turn()
              + "'s question was withdrawn ("
              + why
              + (lastAsked instanceof PendingMerge ? "): nothing was merged" : "): nothing ran")
              + (editing
                  ? "; your edit was not sent and stays in the code pane, read-only, to copy"
                  : ""));
    }
    if (entry == w.current) {
      int target = asked || !entry.follow ? entry.selectedTurn : entry.newestTurn();
      // Against the turn the panes showed: a turn that starts and asks in one batch is new too.
      if (target != shown || entry.selectedTurn == 0) {
        entry.selectedTurn = target;
        w.showTurn(entry);
      } else {
        w.panes.forEach(p -> p.update(entry.model.projection(), fresh));
      }
    }
    if (now instanceof PendingMerge merge && asked) {
      if (entry != w.current) {
        w.runList.getSelectionModel().select(entry);
      }
      w.decisions.mergeAsked(entry, merge);
    }
    if (now instanceof PendingBudget question && asked && entry == w.current) {
      w.decisions.budgetAsked(question);
    }
    w.gate.settle(entry);
    w.budget.settle();
    w.refresh();
  }
}
