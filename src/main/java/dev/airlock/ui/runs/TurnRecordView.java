package dev.airlock.ui.runs;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnRecord;
import dev.airlock.ui.TurnView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The turn record (Ctrl+I): over the reasoning, code and output panes, everything recorded about
 * the selected turn in one scrollable, selectable document ({@link TurnRecordText}): the exact
 * messages sent to the model, its raw response, the parse, the decision, the execution, the
 * lakehouse calls and data effects, the merge requests with their evidence. Rendered only while it
 * shows, from the same projection as the panes, so live and recorded runs look the same.
 */
public final class TurnRecordView extends BorderPane implements TurnView {
  private final StyleClassedTextArea area = new StyleClassedTextArea();
  private final Label title = new Label("Turn record");
  private final Label hint =
      new Label("Ctrl+↓ / Ctrl+↑ sections  ·  Alt+← / Alt+→ turns  ·  Ctrl+I or Esc closes");
  private RunProjection run;
  private int turn;
  private String shownText = "";
  private final List<Integer> sections = new ArrayList<>();

  public TurnRecordView() {
    getStyleClass().add("turn-record");
    getStylesheets().add(Styles.url());
    title.getStyleClass().add("turn-record-title");
    hint.getStyleClass().add("turn-record-hint");
    hint.setMinWidth(Region.USE_PREF_SIZE);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox header = new HBox(8, title, spring, hint);
    header.getStyleClass().add("turn-record-header");
    setTop(header);
    area.setEditable(false);
    area.setWrapText(true);
    area.setUndoManager(UndoUtils.noOpUndoManager());
    area.getStyleClass().add("turn-record-area");
    setCenter(new VirtualizedScrollPane<>(area));
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
            jump(e.getCode() == KeyCode.DOWN ? 1 : -1);
            e.consume();
          }
        });
    setVisible(false);
    visibleProperty().addListener((o, was, now) -> render());
  }

  /** Shows or hides the record; shown, it takes the keyboard. */
  public void toggle() {
    setVisible(!isVisible());
    if (isVisible()) {
      area.requestFocus();
    }
  }

  @Override
  public void show(RunProjection run, int turn) {
    this.run = run;
    this.turn = turn;
    render();
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    this.run = run;
    if (batch.stream().anyMatch(e -> e.persistent() && e.turn() == turn)) {
      render();
    }
  }

  /** The text the record shows (for tests): empty while hidden. */
  public String shownText() {
    return shownText;
  }

  /** Moves to the next ({@code 1}) or previous ({@code -1}) section heading. */
  private void jump(int direction) {
    int at = area.getCurrentParagraph();
    Integer target = null;
    for (int p : sections) {
      if (direction > 0 && p > at && target == null) {
        target = p;
      } else if (direction < 0 && p < at) {
        target = p;
      }
    }
    if (target != null) {
      area.moveTo(target, 0);
      area.showParagraphAtTop(target);
    }
  }

  private void render() {
    if (!isVisible()) {
      return;
    }
    TurnRecord record = run == null || turn == 0 ? null : run.turn(turn);
    title.setText(record == null ? "Turn record" : "Turn record  ·  turn " + turn);
    List<TurnRecordText.Line> lines = TurnRecordText.of(record);
    String text = TurnRecordText.plain(lines);
    if (text.equals(shownText)) {
      return; // nothing new: keep the scroll position and the selection
    }
    shownText = text;
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    for (TurnRecordText.Line l : lines) {
      spans.add(List.of("rec-" + l.kind().name().toLowerCase(Locale.ROOT)), l.text().length() + 1);
    }
    StyleSpans<Collection<String>> styles = spans.create();
    // New paragraphs take the style of the one they are typed into: start from a plain one.
    area.replaceText("");
    area.setParagraphStyle(0, List.of());
    area.replaceText(text);
    area.setStyleSpans(0, styles);
    sections.clear();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).kind() == TurnRecordText.Kind.SECTION) {
        sections.add(i);
        area.setParagraphStyle(i, List.of("rec-section-bar"));
      }
    }
    area.moveTo(0);
    area.requestFollowCaret();
  }
}
