package dev.airlock.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keyboard contract over the window (F1): a card on a dimmed backdrop, the run's keys beside
 * the others, so all of them fit the smallest window (960 x 600) at the usual text size. With
 * larger text the keys scroll inside the card, which has the keyboard while it shows (arrows, Page
 * Up/Down, Home/End); F1 or Esc hides it and gives the keyboard back.
 */
final class HelpOverlay extends StackPane {
  /** Room kept around the card, so the window's edge and the dim backdrop show. */
  private static final double MARGIN = 16;

  /** The widest an action's text runs before it wraps, in a wide window. */
  private static final double WIDEST_ACTION = 380;

  /** The narrowest, whatever the window. */
  private static final double NARROWEST_ACTION = 160;

  /**
   * The card's width besides its keys and actions (airlock.css's .help-card padding and .help-grid
   * gap, the columns' gap, .help-columns' right padding, a scroll bar).
   */
  private static final double CARD_BESIDES_TEXT = 2 * 24 + 32 + 2 * 18 + 12 + 16;

  /** The card's height besides the keys (its padding, the title row and the space below it). */
  private static final double CARD_BESIDES_KEYS_HEIGHT = 2 * 20 + 32 + 12;

  private final ScrollPane keys;
  private final List<Label> keyLabels = new ArrayList<>();
  private final List<Label> actions = new ArrayList<>();
  private Node focusBefore;

  HelpOverlay() {
    getStyleClass().add("help-overlay");
    GridPane run = grid(Keys.IN_A_RUN);
    GridPane console = grid(Keys.CONSOLE);
    HBox columns = new HBox(32, column("In a run", run), column("Runs and the console", console));
    columns.getStyleClass().add("help-columns");
    keys = new ScrollPane(columns);
    keys.getStyleClass().add("help-keys-scroll");
    keys.setFitToWidth(true);
    keys.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    keys.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    Label title = new Label("Keyboard");
    title.getStyleClass().add("help-title");
    Label hint = new Label("F1 or Esc closes this help");
    hint.getStyleClass().add("help-hint");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(title, gap, hint);
    top.setAlignment(Pos.BASELINE_LEFT);
    VBox card = new VBox(12, top, keys);
    card.getStyleClass().add("help-card");
    card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    // The card never runs past the window: what does not fit scrolls inside it.
    keys.maxHeightProperty().bind(heightProperty().subtract(2 * MARGIN + CARD_BESIDES_KEYS_HEIGHT));
    for (GridPane g : List.of(run, console)) {
      for (Node n : g.getChildren()) {
        (n.getStyleClass().contains("help-action") ? actions : keyLabels).add((Label) n);
      }
    }
    VBox.setVgrow(keys, Priority.ALWAYS);
    getChildren().add(card);
    setAlignment(Pos.CENTER);
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
    visibleProperty().addListener((o, was, now) -> keyboard(now));
  }

  /**
   * The actions wrap to share the window's width between the two columns, beside keys as wide as
   * the text size makes them (known here, after the CSS pass).
   */
  @Override
  protected void layoutChildren() {
    double keysWidth = 0;
    for (Label k : keyLabels) {
      keysWidth = Math.max(keysWidth, k.prefWidth(-1));
    }
    double each = (getWidth() - 2 * MARGIN - CARD_BESIDES_TEXT - 2 * keysWidth) / 2;
    double width = Math.max(NARROWEST_ACTION, Math.min(WIDEST_ACTION, Math.floor(each)));
    for (Label a : actions) {
      if (a.getMaxWidth() != width) {
        a.setMaxWidth(width);
      }
    }
    super.layoutChildren();
  }

  void toggle() {
    setVisible(!isVisible());
  }

  /** The scroller of the keys (tests scroll it and look at what shows). */
  ScrollPane keys() {
    return keys;
  }

  /** Shown: the keys take the keyboard, so arrows scroll them; hidden: it goes back. */
  private void keyboard(boolean shown) {
    if (getScene() == null) {
      return;
    }
    if (shown) {
      focusBefore = getScene().getFocusOwner();
      keys.setVvalue(0);
      keys.requestFocus();
    } else if (keys.isFocused()) {
      if (focusBefore != null && focusBefore.getScene() == getScene()) {
        focusBefore.requestFocus();
      }
      focusBefore = null;
    }
  }

  private static VBox column(String heading, GridPane grid) {
    Label title = new Label(heading);
    title.getStyleClass().add("help-section");
    VBox column = new VBox(8, title, grid);
    HBox.setHgrow(column, Priority.ALWAYS);
    return column;
  }

  private static GridPane grid(List<Keys.Binding> bindings) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("help-grid");
    int row = 0;
    for (Keys.Binding b : bindings) {
      // "Alt+Left / Alt+Right" on two lines: the keys' column stays as narrow as Ctrl+Shift+Enter.
      Label keys = new Label(b.keys().replace(" / ", " /\n"));
      keys.getStyleClass().add("help-keys");
      keys.setMinWidth(Region.USE_PREF_SIZE);
      Label action = new Label(b.action());
      action.getStyleClass().add("help-action");
      action.setWrapText(true);
      action.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines are never cut to fit the row
      GridPane.setValignment(keys, VPos.TOP); // beside the first line of a wrapped action
      GridPane.setValignment(action, VPos.TOP); // and the first line of two keys' beside it
      grid.addRow(row++, keys, action);
    }
    return grid;
  }
}
