package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.RevertPlan;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The revert-merge preview and confirmation, as the CLI's {@code lakehouse revert-merge}: which
 * merge, on which branch, and the change it makes, table by table. Nothing is written until the
 * person presses the revert button itself: it is not the default button, Cancel has the focus, and
 * Esc cancels. On {@code main} this is the one write the console makes, and only this way.
 */
final class RevertMergeDialog {
  final Stage stage = new Stage();
  final Button confirm;
  final Button cancel = new Button("Cancel  Esc");
  private boolean confirmed;

  RevertMergeDialog(Window owner, RevertPlan plan, String branch, Scene themeFrom) {
    String merge = CommitHash.abbreviate(plan.merge().hash());
    String shownBranch = ExplorerText.visible(branch, 80);
    Label title =
        new Label(
            "Reverting merge "
                + merge
                + " ('"
                + ExplorerText.visible(plan.merge().subject(), 200)
                + "') on "
                + shownBranch
                + " changes:");
    title.getStyleClass().add("revert-title");
    title.setWrapText(true);
    ListView<String> lines = new ListView<>();
    lines.getItems().setAll(ExplorerText.diffLines(plan.diff()));
    lines.getStyleClass().add("explorer-diff");
    lines.setCellFactory(v -> new DiffTab.DiffCell());
    lines.setFocusTraversable(false);
    lines.setPrefHeight(Math.min(320, 28 * lines.getItems().size() + 12));
    Label note =
        new Label(
            "A new commit on "
                + shownBranch
                + ", recorded as yours; the merge stays in the history. Publish a fix from a new"
                + " branch made from "
                + shownBranch
                + ".");
    note.setWrapText(true);
    note.getStyleClass().add("explorer-state");
    confirm = new Button("Revert merge " + merge + " on " + shownBranch);
    confirm.getStyleClass().add("danger");
    confirm.setDefaultButton(false);
    confirm.setOnAction(
        e -> {
          confirmed = true;
          stage.close();
        });
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    HBox buttons = new HBox(8, confirm, cancel);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox root = new VBox(10, title, lines, note, buttons);
    root.getStyleClass().add("revert-dialog");
    VBox.setVgrow(lines, Priority.ALWAYS);
    Scene scene = new Scene(root, 640, Math.min(560, 220 + lines.getPrefHeight()));
    scene.getStylesheets().setAll(themeFrom.getStylesheets());
    var css = RevertMergeDialog.class.getResource("/dev/airlock/ui/styles/explorer.css");
    if (css != null) {
      root.getStylesheets().add(css.toExternalForm());
    }
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
            e.consume();
          }
        });
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Revert merge " + merge + " on " + shownBranch);
    stage.setScene(scene);
    stage.setOnShown(e -> cancel.requestFocus());
  }

  /** Whether the person pressed the revert button (read after the dialog closed). */
  boolean confirmed() {
    return confirmed;
  }
}
