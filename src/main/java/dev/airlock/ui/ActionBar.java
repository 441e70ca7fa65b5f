package dev.airlock.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The buttons under the panes: Approve, Reject with feedback, Stop. Each names its key. What they
 * do is the window's; this bar only lays them out and keeps the feedback field's keys (Enter sends,
 * Esc cancels).
 */
final class ActionBar extends HBox {
  final Button approve = new Button("Approve", icon(MaterialDesignC.CHECK_BOLD));
  final TextField feedback = new TextField();
  final Button reject = new Button("Reject", icon(MaterialDesignC.CLOSE_THICK));
  final Button stop = new Button("Stop run", icon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
  final Label message = new Label();

  ActionBar(Runnable onApprove, Runnable onReject, Runnable onCancelReject, Runnable onStop) {
    getStyleClass().add("action-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(8);
    approve.getStyleClass().addAll("success", "approve");
    approve.setTooltip(new Tooltip("Approve the code as it stands in the code pane (Ctrl+Enter)"));
    reject.getStyleClass().addAll("danger", "reject");
    reject.setTooltip(new Tooltip("Reject with the feedback on the left (Ctrl+R, then Enter)"));
    stop.setTooltip(new Tooltip("Stop the run; a running execution is killed (Ctrl+.)"));
    feedback.setPromptText("Feedback for the model (Ctrl+R; Enter sends, Esc cancels)");
    feedback.getStyleClass().add("feedback");
    HBox.setHgrow(feedback, Priority.ALWAYS);
    message.getStyleClass().add("action-message");
    // A long message gives way (cut, whole in its tooltip); the buttons and their keys never do.
    message.setMinWidth(0);
    feedback.setMinWidth(220);
    approve.setOnAction(e -> onApprove.run());
    reject.setOnAction(e -> onReject.run());
    stop.setOnAction(e -> onStop.run());
    feedback.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            onReject.run();
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            onCancelReject.run();
            e.consume();
          }
        });
    getChildren()
        .addAll(
            keyed(approve, "Ctrl+Enter"),
            feedback,
            keyed(reject, "Ctrl+R"),
            message,
            keyed(stop, "Ctrl+."));
  }

  private static HBox keyed(Button b, String keys) {
    Label k = new Label(keys);
    k.getStyleClass().add("key-hint");
    b.setMinWidth(Region.USE_PREF_SIZE);
    k.setMinWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(4, b, k);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(Region.USE_PREF_SIZE);
    return box;
  }

  private static FontIcon icon(Ikon ikon) {
    return new FontIcon(ikon);
  }

  /** Shows {@code text} next to the buttons (a refused action, a hint); null clears it. */
  void say(String text) {
    message.setText(text == null ? "" : text);
    message.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
  }
}
