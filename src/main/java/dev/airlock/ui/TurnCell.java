package dev.airlock.ui;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A turn in the timeline: number, state, duration, tokens and cost. */
final class TurnCell extends ListCell<TurnRow> {
  private final Label number = new Label();
  private final Label state = new Label();
  private final Label figures = new Label();
  private final Label merge = new Label();
  private final HBox box;

  TurnCell() {
    number.getStyleClass().add("turn-number");
    state.getStyleClass().add("turn-state");
    figures.getStyleClass().add("turn-figures");
    merge.getStyleClass().add("turn-merge");
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    box = new HBox(8, number, state, merge, spring, figures);
  }

  @Override
  protected void updateItem(TurnRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      setGraphic(null);
      return;
    }
    number.setText(String.valueOf(row.turn()));
    state.setText(row.state().label());
    state.getStyleClass().removeIf(c -> c.startsWith("state-"));
    state.getStyleClass().add("state-" + row.state().name().toLowerCase(Locale.ROOT));
    StringBuilder f = new StringBuilder(TurnHeader.seconds(row.durationMs()));
    if (row.tokens() > 0) {
      f.append(String.format(Locale.ROOT, "  %,d tok", row.tokens()));
    }
    if (row.costUsd() != null) {
      f.append(String.format(Locale.ROOT, "  $%.4f", row.costUsd()));
    }
    figures.setText(f.toString());
    merge.setText(row.merge() == null ? "" : row.merge());
    merge.getStyleClass().removeAll("merged", "refused");
    if (row.merge() != null) {
      merge.getStyleClass().add(row.merge().equals("merged") ? "merged" : "refused");
    }
    setGraphic(box);
  }
}
