package dev.airlock.ui.merge;

import dev.airlock.agent.PendingMerge;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Placeholder until the merge gate dialog lands. */
public final class MergeGateDialog {
  private final Stage stage = new Stage();

  public MergeGateDialog(Window owner, PendingMerge merge, Executor answers) {
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Merge " + merge.evidence().source() + " into " + merge.evidence().target());
    Button approve = new Button("Approve merge");
    approve.setOnAction(
        e -> {
          answers.execute(merge::approve);
          stage.close();
        });
    stage.setScene(new Scene(approve, 600, 400));
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
