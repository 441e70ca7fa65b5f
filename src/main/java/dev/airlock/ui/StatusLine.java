package dev.airlock.ui;

import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the selected run's sandbox (and whether it isolates), model, policy, branch. */
final class StatusLine extends HBox {
  private final Label sandbox = new Label();
  private final Label model = new Label();
  private final Label policy = new Label();
  private final Label branch = new Label();
  private final Label help = new Label("F1  keys");
  private final Label readNote = new Label();

  StatusLine() {
    getStyleClass().add("status-line");
    setSpacing(18);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    help.getStyleClass().add("key-hint");
    readNote.getStyleClass().addAll("read-note", "danger-text");
    readNote.setMinWidth(0);
    getChildren().addAll(sandbox, model, policy, branch, readNote, spring, help);
  }

  void show(RunEntry entry) {
    RunEvent.RunStarted s = entry == null ? null : entry.model.projection().started();
    String note = entry == null ? null : entry.readNote;
    readNote.setText(note == null ? "" : note);
    readNote.setVisible(note != null);
    readNote.setManaged(note != null);
    if (s == null) {
      sandbox.setText(entry == null ? "" : entry.state());
      model.setText("");
      policy.setText("");
      branch.setText("");
      return;
    }
    sandbox.setText(
        "sandbox: "
            + RiskDetector.visible(String.valueOf(s.sandbox()))
            + (s.isolated() ? " (isolated)" : " — NOT isolated"));
    sandbox.getStyleClass().remove("danger-text");
    if (!s.isolated()) {
      sandbox.getStyleClass().add("danger-text");
    }
    model.setText("model: " + RiskDetector.visible(String.valueOf(s.model())));
    policy.setText(
        "approval: "
            + RiskDetector.visible(String.valueOf(entry.model.projection().approval()))
            + "  ·  turns ≤"
            + s.maxTurns());
    branch.setText("branch: " + RiskDetector.visible(String.valueOf(s.branch())));
  }
}
