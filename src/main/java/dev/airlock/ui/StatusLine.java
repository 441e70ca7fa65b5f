package dev.airlock.ui;

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

  StatusLine() {
    getStyleClass().add("status-line");
    setSpacing(18);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    help.getStyleClass().add("key-hint");
    getChildren().addAll(sandbox, model, policy, branch, spring, help);
  }

  void show(RunEntry entry) {
    RunEvent.RunStarted s = entry == null ? null : entry.model.projection().started();
    if (s == null) {
      sandbox.setText(entry == null ? "" : entry.state());
      model.setText("");
      policy.setText("");
      branch.setText("");
      return;
    }
    sandbox.setText("sandbox: " + s.sandbox() + (s.isolated() ? " (isolated)" : " — NOT isolated"));
    sandbox.getStyleClass().remove("danger-text");
    if (!s.isolated()) {
      sandbox.getStyleClass().add("danger-text");
    }
    model.setText("model: " + s.model());
    policy.setText("approval: " + s.approval() + "  ·  turns ≤" + s.maxTurns());
    branch.setText("branch: " + s.branch());
  }
}
