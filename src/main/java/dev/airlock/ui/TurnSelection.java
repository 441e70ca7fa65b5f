package dev.airlock.ui;

import dev.airlock.agent.TurnRecord;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * Which turn of the selected run the panes show: the timeline list, a pick in it, and the steps of
 * Alt+Left / Alt+Right. Apart from {@link ConsoleWindow} because keeping the list, the run's
 * selected turn and its "follow the newest" flag in step is one job of its own.
 */
final class TurnSelection {
  private final ConsoleWindow w;
  final ListView<TurnRow> list = new ListView<>();
  private boolean syncing;

  TurnSelection(ConsoleWindow w) {
    this.w = w;
    list.getStyleClass().add("turn-list");
    list.setCellFactory(v -> new TurnCell());
    list.setPlaceholder(new Label("No turns yet"));
    list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> pick(now));
  }

  private void pick(TurnRow row) {
    RunEntry current = w.current;
    if (syncing || row == null || current == null || row.turn() == current.selectedTurn) {
      return;
    }
    current.selectedTurn = row.turn();
    current.follow = row.turn() == current.newestTurn();
    w.showTurn(current);
    w.refresh();
  }

  /** Moves {@code delta} turns on in the selected run, stopping at its first and newest turn. */
  void step(int delta) {
    RunEntry current = w.current;
    if (current == null) {
      return;
    }
    List<TurnRecord> turns = current.model.projection().turns();
    int at = 0;
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).turn() == current.selectedTurn) {
        at = i;
      }
    }
    int next = Math.max(0, Math.min(turns.size() - 1, at + delta));
    if (turns.isEmpty() || turns.get(next).turn() == current.selectedTurn) {
      return;
    }
    current.selectedTurn = turns.get(next).turn();
    current.follow = current.selectedTurn == current.newestTurn();
    w.showTurn(current);
    w.refresh();
  }

  /** Shows {@code current}'s timeline with its selected turn selected, without picking anew. */
  void sync(RunEntry current) {
    syncing = true;
    try {
      List<TurnRow> rows = current == null ? List.of() : current.model.timeline();
      list.getItems().setAll(rows);
      for (TurnRow r : rows) {
        if (current != null && r.turn() == current.selectedTurn) {
          list.getSelectionModel().select(r);
          list.scrollTo(r);
        }
      }
    } finally {
      syncing = false;
    }
  }
}
