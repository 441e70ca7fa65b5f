package dev.airlock.ui.output;

import java.util.Map;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A line: its text in its stream's style; a line of two streams as styled runs. The stream is a
 * pseudo-class (:stdout, :stderr, :output-marker): cells are reused for other lines on every
 * scroll, and a pseudo-class changes state where a style class would restyle the cell anew.
 */
final class OutputLineCell extends ListCell<OutputLine> {
  private static final Map<String, PseudoClass> STYLES =
      Map.of(
          OutputLog.STDOUT, PseudoClass.getPseudoClass(OutputLog.STDOUT),
          OutputLog.STDERR, PseudoClass.getPseudoClass(OutputLog.STDERR),
          OutputLog.MARKER, PseudoClass.getPseudoClass(OutputLog.MARKER));
  private String shown;

  OutputLineCell() {
    getStyleClass().add("output-line");
  }

  @Override
  protected void updateItem(OutputLine line, boolean empty) {
    super.updateItem(line, empty);
    String style = empty || line == null ? null : line.styleClass();
    if (!Objects.equals(style, shown)) {
      if (shown != null) {
        pseudoClassStateChanged(STYLES.get(shown), false);
      }
      if (style != null) {
        pseudoClassStateChanged(STYLES.get(style), true);
      }
      shown = style;
    }
    if (style == null) {
      setText(null);
      setGraphic(null);
    } else if (line.segments().size() <= 1) {
      setText(line.text());
      setGraphic(null);
    } else {
      TextFlow flow = new TextFlow();
      for (OutputLine.Segment s : line.segments()) {
        Text t = new Text(s.text());
        t.getStyleClass().addAll("output-run", s.styleClass());
        flow.getChildren().add(t);
      }
      setText(null);
      setGraphic(flow);
    }
  }
}
