package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.RefDiff;
import dev.airlock.ui.OffFxThread;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The difference between two refs: tables added, removed and changed, with row counts and schema
 * changes, in the CLI's words ({@code lakehouse diff}). Both refs are editable boxes (a branch, a
 * tag, or {@code @hash}); Enter in either, or Compare, computes it in the background.
 */
final class DiffTab {
  final VBox root;
  final ComboBox<String> from = new ComboBox<>();
  final ComboBox<String> to = new ComboBox<>();
  final Button compare = new Button("Compare");
  final Label state = new Label("Pick two refs and compare them");
  final ListView<String> lines = new ListView<>();
  private final Executor background;
  private final Supplier<ExplorerData> data;
  private int asked;

  DiffTab(Executor background, Supplier<ExplorerData> data) {
    this.background = background;
    this.data = data;
    for (ComboBox<String> box : List.of(from, to)) {
      box.setEditable(true);
      box.setPrefWidth(260);
      box.getEditor().setOnAction(e -> compare());
    }
    from.setPromptText("from (e.g. main)");
    to.setPromptText("to (e.g. a run's branch)");
    compare.setOnAction(e -> compare());
    compare.getStyleClass().add("accent");
    state.getStyleClass().add("explorer-state");
    lines.getStyleClass().add("explorer-diff");
    lines.setPlaceholder(new Label("No comparison yet"));
    lines.setCellFactory(v -> new DiffCell());
    HBox bar = new HBox(8, new Label("From"), from, new Label("to"), to, compare);
    bar.getStyleClass().add("explorer-bar");
    root = new VBox(6, bar, state, lines);
    root.getStyleClass().add("explorer-tab");
    VBox.setVgrow(lines, Priority.ALWAYS);
  }

  /** Offers {@code refs} in both boxes; fills empty boxes with main and {@code selected}. */
  void refs(List<String> refs, String selected) {
    from.getItems().setAll(refs);
    to.getItems().setAll(refs);
    if (from.getValue() == null || from.getValue().isBlank()) {
      from.setValue("main");
    }
    if ((to.getValue() == null || to.getValue().isBlank()) && selected != null) {
      to.setValue(selected);
    }
  }

  void compare() {
    String a = text(from);
    String b = text(to);
    ExplorerData d = data.get();
    if (a.isEmpty() || b.isEmpty() || d == null) {
      state.setText(d == null ? "The lakehouse is still opening" : "Name both refs first");
      return;
    }
    int at = ++asked;
    state.setText(
        "Comparing " + ExplorerText.visible(a, 80) + " with " + ExplorerText.visible(b, 80) + "…");
    OffFxThread.run(
        background,
        () -> d.diff(a, b),
        (diff, error) -> {
          if (at != asked) {
            return;
          }
          if (error != null) {
            state.setText(ExplorerText.error(error));
            lines.getItems().clear();
            return;
          }
          show(diff);
        });
  }

  private void show(RefDiff diff) {
    state.setText(
        ExplorerText.visible(diff.from().name().isEmpty() ? "@" : diff.from().name(), 80)
            + " ("
            + CommitHash.abbreviate(diff.from().hash())
            + ") -> "
            + ExplorerText.visible(diff.to().name().isEmpty() ? "@" : diff.to().name(), 80)
            + " ("
            + CommitHash.abbreviate(diff.to().hash())
            + "): "
            + diff.tables().size()
            + (diff.tables().size() == 1 ? " table differs" : " tables differ"));
    lines.getItems().setAll(ExplorerText.diffLines(diff));
  }

  private static String text(ComboBox<String> box) {
    String typed = box.getEditor().getText();
    String value = typed != null && !typed.isBlank() ? typed : box.getValue();
    return value == null ? "" : value.strip();
  }

  /** A line of a diff, coloured by its sign (+ added, - removed, ~ changed). */
  static final class DiffCell extends ListCell<String> {
    @Override
    protected void updateItem(String line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
      setText(empty ? null : line);
      if (!empty && line != null) {
        if (line.startsWith("+")) {
          getStyleClass().add("diff-added");
        } else if (line.startsWith("-")) {
          getStyleClass().add("diff-removed");
        } else if (line.startsWith("~")) {
          getStyleClass().add("diff-changed");
        }
      }
    }
  }
}
