package dev.airlock.ui.merge;

import dev.airlock.agent.PendingMerge;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Placeholder until the merge gate dialog lands: Approve (Ctrl+Enter), or reject with a reason sent
 * back to the agent (Ctrl+R focuses the reason; Enter sends it).
 */
public final class MergeGateDialog {
  private static final KeyCombination APPROVE =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN);
  private static final KeyCombination REJECT =
      new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
  private final Stage stage = new Stage();

  public MergeGateDialog(Window owner, PendingMerge merge, Executor answers) {
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Merge " + merge.evidence().source() + " into " + merge.evidence().target());
    Button approve = new Button("Approve merge");
    TextField reason = new TextField();
    reason.setPromptText("Why not: the reason goes back to the agent (Enter sends)");
    approve.setOnAction(
        e -> {
          answers.execute(merge::approve);
          stage.close();
        });
    reason.setOnAction(
        e -> {
          String why = reason.getText().strip();
          if (!why.isEmpty()) {
            answers.execute(() -> merge.rejectToAgent(why));
            stage.close();
          }
        });
    Scene scene = new Scene(new VBox(8, approve, reason), 600, 400);
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (APPROVE.match(e)) {
            approve.fire();
            e.consume();
          } else if (REJECT.match(e)) {
            reason.requestFocus();
            e.consume();
          }
        });
    stage.setScene(scene);
  }

  public void show() {
    stage.show();
  }

  public void close() {
    stage.close();
  }

  public Stage stage() {
    return stage;
  }
}
