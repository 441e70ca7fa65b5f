package dev.airlock.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** A run in the runs list: its id over its state, the state coloured when it needs the person. */
final class RunCell extends ListCell<RunEntry> {
  private final Label name = new Label();
  private final Label state = new Label();
  private final Label forked = new Label();
  private final VBox box;

  RunCell() {
    name.getStyleClass().add("run-name");
    state.getStyleClass().add("run-state");
    forked.getStyleClass().add("run-forked");
    box = new VBox(1, name, state, forked);
  }

  @Override
  protected void updateItem(RunEntry entry, boolean empty) {
    super.updateItem(entry, empty);
    if (empty || entry == null) {
      setGraphic(null);
      return;
    }
    name.setText(entry.name);
    String s = entry.state();
    state.setText(s);
    state.getStyleClass().removeAll("waiting", "bad", "good");
    if (s.startsWith("waiting")) {
      state.getStyleClass().add("waiting");
    } else if (s.equals("failed") || s.equals("could not start") || s.equals("stopped")) {
      state.getStyleClass().add("bad");
    } else if (s.equals("done")) {
      state.getStyleClass().add("good");
    }
    var started = entry.model.projection().started();
    String from = started == null ? null : started.forkedFrom();
    forked.setText(
        from == null ? "" : "forked from " + RunViewModel.shown(from.replace("@", " @ ")));
    forked.setVisible(from != null);
    forked.setManaged(from != null);
    setGraphic(box);
  }
}
