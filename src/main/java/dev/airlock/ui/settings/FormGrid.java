package dev.airlock.ui.settings;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A dialog's form: section titles, then rows of a label, a control and, under the control, the line
 * that says what is wrong with it (hidden while nothing is). Shared by New run and Settings.
 */
public final class FormGrid {
  private final GridPane grid = new GridPane();
  private int row;

  public FormGrid() {
    grid.getStyleClass().add("form-grid");
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(140);
    labels.setHalignment(HPos.RIGHT);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    grid.getColumnConstraints().addAll(labels, fields);
  }

  public GridPane node() {
    return grid;
  }

  /** A section title across both columns. */
  public void section(String title) {
    Label l = new Label(title.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("form-section");
    grid.add(l, 0, row++, 2, 1);
  }

  /**
   * A row: {@code label} (its mnemonic focusing {@code focus}) beside {@code field}, then {@code
   * notes} (hints, listings, the error line) stacked under the field.
   */
  public void row(String label, Node field, Control focus, Node... notes) {
    Label l = new Label(label);
    l.getStyleClass().add("form-label");
    l.setLabelFor(focus);
    l.setMnemonicParsing(true);
    VBox cell = new VBox(field);
    cell.getStyleClass().add("form-cell");
    cell.getChildren().addAll(notes);
    GridPane.setValignment(l, VPos.TOP);
    grid.add(l, 0, row);
    grid.add(cell, 1, row++);
  }

  /** An error line: empty and out of the layout until {@link #say} gives it a problem. */
  public static Label errorLine() {
    Label l = new Label();
    l.getStyleClass().add("form-error");
    l.setWrapText(true);
    l.setManaged(false);
    l.setVisible(false);
    return l;
  }

  /** A muted note under a field (a hint, a listing). */
  public static Label note(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("form-note");
    l.setWrapText(true);
    return l;
  }

  /** Shows each of {@code box}'s values by its command-line word ("auto-while-green"). */
  public static <T> void words(ComboBox<T> box, Function<T, String> word) {
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(T value) {
            return value == null ? "" : word.apply(value);
          }

          @Override
          public T fromString(String s) {
            return null;
          }
        });
    box.setButtonCell(new WordCell<>(word));
    box.setCellFactory(v -> new WordCell<>(word));
  }

  private static final class WordCell<T> extends ListCell<T> {
    private final Function<T, String> word;

    WordCell(Function<T, String> word) {
      this.word = word;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : word.apply(item));
    }
  }

  /** Shows {@code problem} on {@code line} and marks {@code control}; null clears both. */
  public static void say(Label line, Node control, String problem) {
    boolean bad = problem != null;
    line.setText(bad ? problem : "");
    line.setManaged(bad);
    line.setVisible(bad);
    if (control != null) {
      control.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
    }
  }

  /**
   * {@code field} at its own width with its unit after it ("8 turns", "300 seconds"); a text field
   * is sized for {@code columns} characters.
   */
  public static HBox withUnit(Region field, int columns, String unit) {
    if (field instanceof TextField t) {
      t.setPrefColumnCount(columns);
    }
    field.setMaxWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(8, field, caption(unit));
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** A quiet line of text beside or under a field. */
  public static Label caption(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("caption");
    return l;
  }
}
