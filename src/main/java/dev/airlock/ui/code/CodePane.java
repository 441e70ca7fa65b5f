package dev.airlock.ui.code;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import dev.airlock.ui.TurnView;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** Placeholder until the RichTextFX code pane lands. */
public final class CodePane extends BorderPane implements TurnView {
  private final TextArea area = new TextArea();
  private String proposal = "";
  private int shown;

  public CodePane(Executor background) {
    setCenter(area);
    area.setEditable(false);
  }

  @Override
  public void show(RunProjection run, int turn) {
    shown = turn;
    TurnRecord r = turn == 0 ? null : run.turn(turn);
    proposal =
        r == null
            ? ""
            : r.approval() != null
                ? r.approval().code()
                : r.parsed() != null && r.parsed().code() != null ? r.parsed().code() : "";
    area.setText(proposal);
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    if (batch.stream()
        .anyMatch(
            e ->
                e.turn() == shown
                    && (e instanceof RunEvent.ApprovalRequested
                        || e instanceof RunEvent.ResponseParsed))) {
      show(run, shown);
    }
  }

  public void setEditable(boolean editable) {
    area.setEditable(editable);
  }

  public String text() {
    return area.getText();
  }

  public boolean edited() {
    return !area.getText().equals(proposal);
  }

  public String proposal() {
    return proposal;
  }

  public void focusEditor() {
    area.requestFocus();
  }
}
