package dev.airlock.ui;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard contract over the window (F1): a card on a dimmed backdrop. */
final class HelpOverlay extends StackPane {

  HelpOverlay() {
    getStyleClass().add("help-overlay");
    GridPane grid = new GridPane();
    grid.getStyleClass().add("help-grid");
    int row = 0;
    for (Keys.Binding b : Keys.ALL) {
      Label keys = new Label(b.keys());
      keys.getStyleClass().add("help-keys");
      Label action = new Label(b.action());
      action.setWrapText(true);
      action.setMaxWidth(520);
      GridPane.setValignment(keys, VPos.TOP); // beside the first line of a wrapped action
      grid.addRow(row++, keys, action);
    }
    Label title = new Label("Keyboard");
    title.getStyleClass().add("help-title");
    Label hint = new Label("F1 or Esc closes this help");
    hint.getStyleClass().add("help-hint");
    VBox card = new VBox(12, title, grid, hint);
    card.getStyleClass().add("help-card");
    card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
    getChildren().add(card);
    setAlignment(Pos.CENTER);
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }

  void toggle() {
    setVisible(!isVisible());
  }
}
