package dev.airlock.ui.output;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import dev.airlock.ui.TurnView;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** Placeholder until the output pane lands. */
public final class OutputPane extends BorderPane implements TurnView {
  private final TextArea area = new TextArea();
  private int shown;

  public OutputPane() {
    setCenter(area);
    area.setEditable(false);
  }

  @Override
  public void show(RunProjection run, int turn) {
    shown = turn;
    TurnRecord r = turn == 0 ? null : run.turn(turn);
    area.setText(
        r == null || r.execution() == null
            ? ""
            : r.execution().stdout() + r.execution().stderr() + "\n" + r.execution().status());
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    for (RunEvent e : batch) {
      if (e.turn() == shown && e instanceof RunEvent.OutputChunk c) {
        area.appendText(c.text());
      } else if (e.turn() == shown && e instanceof RunEvent.ExecutionFinished) {
        show(run, shown);
      }
    }
  }
}
