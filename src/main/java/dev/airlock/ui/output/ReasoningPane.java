package dev.airlock.ui.output;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import dev.airlock.ui.TurnView;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** Placeholder until the reasoning pane lands. */
public final class ReasoningPane extends BorderPane implements TurnView {
  private final TextArea area = new TextArea();
  private int shown;

  public ReasoningPane() {
    setCenter(area);
    area.setEditable(false);
    area.setWrapText(true);
  }

  @Override
  public void show(RunProjection run, int turn) {
    shown = turn;
    TurnRecord r = turn == 0 ? null : run.turn(turn);
    area.setText(r == null || r.parsed() == null ? "" : String.valueOf(r.parsed().reasoning()));
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    if (batch.stream().anyMatch(e -> e.turn() == shown && e instanceof RunEvent.ResponseParsed)) {
      show(run, shown);
    }
  }
}
