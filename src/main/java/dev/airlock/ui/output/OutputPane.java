package dev.airlock.ui.output;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.TurnPhase;
import dev.airlock.agent.TurnRecord;
import dev.airlock.ui.TurnView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The selected turn's sandbox output: stdout and stderr as they stream (stderr in the theme's
 * danger colour), then the exit status and duration, a marker where the sandbox cut the output, the
 * turn's data effects and its lakehouse calls. The view keeps the newest {@link #MAX_LINES} lines;
 * Copy all puts the whole text on the clipboard (the live output while running, the stored stdout
 * and stderr once finished).
 */
public final class OutputPane extends BorderPane implements TurnView {
  /** Lines kept on screen; the earlier ones are counted in a first line and left to Copy all. */
  public static final int MAX_LINES = 20_000;

  private final OutputLog log;
  private final Label status = new Label();
  private final Label empty = new Label();
  private final Button copyAll = new Button("Copy all", new FontIcon(MaterialDesignC.CONTENT_COPY));
  private final OutputFacts facts = new OutputFacts();
  private final ScrollPane factsScroll = new ScrollPane(facts);
  private RunProjection run;
  private int turn;

  /** The log holds this turn's execution as streamed (not yet the stored result). */
  private boolean streaming;

  public OutputPane() {
    this(MAX_LINES);
  }

  /** A pane that keeps {@code maxLines} lines on screen (tests use small caps). */
  public OutputPane(int maxLines) {
    log = new OutputLog(maxLines);
    getStyleClass().addAll("turn-pane", "output-pane");
    getStylesheets().add(OutputPane.class.getResource(Styles.OUTPUT_CSS).toExternalForm());

    Label title = new Label("Output");
    title.getStyleClass().add("pane-title");
    status.getStyleClass().add("pane-status");
    status.setMinWidth(0);
    copyAll.getStyleClass().addAll("flat", "small", "copy-all");
    copyAll.setTooltip(new Tooltip("Copy the whole output (all of it, not only the lines shown)"));
    copyAll.setOnAction(e -> copyAll());
    copyAll.setFocusTraversable(false);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(8, title, status, spacer, copyAll);
    header.getStyleClass().add("pane-header");
    setTop(header);

    empty.getStyleClass().add("pane-empty");
    empty.setWrapText(true);
    StackPane body = new StackPane(log.node(), empty);
    VBox.setVgrow(body, Priority.ALWAYS);
    factsScroll.setFitToWidth(true);
    factsScroll.getStyleClass().add("output-facts-scroll");
    factsScroll.maxHeightProperty().bind(heightProperty().multiply(0.4));
    factsScroll.setMinHeight(0);
    setCenter(new VBox(body, factsScroll));
    show(null, 0);
  }

  @Override
  public void show(RunProjection run, int turn) {
    this.run = run;
    this.turn = turn;
    streaming = false;
    log.clear();
    status.setText("");
    setStatusStyle(null);
    TurnRecord record = run == null || turn == 0 ? null : run.turn(turn);
    if (record != null && record.execution() != null) {
      renderStored(record.execution());
    } else if (run != null && turn > 0 && run.phase(turn) == TurnPhase.EXECUTING) {
      streaming = true;
      if (record != null && record.started() != null) {
        running(record.started());
      }
      RunProjection.Live live = run.live();
      if (live.turn() == turn && !live.output().isEmpty()) {
        // The live output does not say which stream each part came from.
        log.append(List.of(OutputLog.Piece.of(live.output(), OutputLog.STDOUT)));
      }
    }
    refresh(record);
  }

  @Override
  public void update(RunProjection run, List<RunEvent> batch) {
    this.run = run;
    if (turn == 0) {
      return;
    }
    List<OutputLog.Piece> pieces = new ArrayList<>();
    boolean changed = false;
    for (RunEvent e : batch) {
      if (e.turn() != turn) {
        continue;
      }
      if (e instanceof RunEvent.OutputChunk c) {
        add(pieces, c);
        continue;
      }
      changed = true; // anything else may change the header, the facts or the empty state
      if (e instanceof RunEvent.ExecutionStarted s) {
        pieces.clear();
        log.clear();
        streaming = true;
        running(s);
      } else if (e instanceof RunEvent.ExecutionFinished f) {
        log.append(pieces);
        pieces.clear();
        if (streaming) {
          markCuts(f);
        } else {
          log.clear();
          renderStored(f);
        }
        streaming = false;
      }
    }
    log.append(pieces);
    if (changed) {
      refresh(run.turn(turn));
    }
  }

  /** The text shown for the turn's output, first marker line included (tests, screenshots). */
  public String shownText() {
    return log.text();
  }

  /** The header's status: "ok (exit 0) in 1.23 s", "running (timeout 60 s) in ...", or empty. */
  public String statusText() {
    return status.getText();
  }

  /** The empty-state message, or null while output is shown. */
  public String emptyText() {
    return empty.isVisible() ? empty.getText() : null;
  }

  /** Everything Copy all puts on the clipboard: the whole output, not only the lines shown. */
  public String fullText() {
    TurnRecord record = run == null || turn == 0 ? null : run.turn(turn);
    if (record != null && record.execution() != null) {
      RunEvent.ExecutionFinished f = record.execution();
      String out = f.stdout() == null ? "" : f.stdout();
      String err = f.stderr() == null ? "" : f.stderr();
      return out.isEmpty() || err.isEmpty() || out.endsWith("\n") ? out + err : out + "\n" + err;
    }
    if (run != null && turn > 0 && run.live().turn() == turn) {
      return run.live().output();
    }
    return "";
  }

  /** The lines on screen, the count of hidden lines first when lines were dropped. */
  List<OutputLine> lines() {
    return log.lines();
  }

  OutputFacts facts() {
    return facts;
  }

  OutputLog log() {
    return log;
  }

  /** Adds a chunk to the batch's pieces, joining runs of one stream (no copy per chunk). */
  private static void add(List<OutputLog.Piece> pieces, RunEvent.OutputChunk c) {
    String style = "stderr".equals(c.stream()) ? OutputLog.STDERR : OutputLog.STDOUT;
    int last = pieces.size() - 1;
    if (last >= 0 && pieces.get(last).styleClass().equals(style)) {
      pieces.get(last).text().append(c.text());
    } else {
      pieces.add(new OutputLog.Piece(new StringBuilder(c.text()), style));
    }
  }

  /** A finished execution from its record: stdout, then stderr, each with its cut marker. */
  private void renderStored(RunEvent.ExecutionFinished f) {
    List<OutputLog.Piece> pieces = new ArrayList<>();
    block(pieces, f.stdout(), OutputLog.STDOUT);
    cut(pieces, "stdout", f.stdoutDroppedBytes());
    block(pieces, f.stderr(), OutputLog.STDERR);
    cut(pieces, "stderr", f.stderrDroppedBytes());
    log.append(pieces);
  }

  /** Where the sandbox stopped keeping a stream, after the streamed text (it keeps the head). */
  private void markCuts(RunEvent.ExecutionFinished f) {
    if (f.stdoutDroppedBytes() > 0) {
      log.appendMarker(OutputText.cutMarker("stdout", f.stdoutDroppedBytes()));
    }
    if (f.stderrDroppedBytes() > 0) {
      log.appendMarker(OutputText.cutMarker("stderr", f.stderrDroppedBytes()));
    }
  }

  private static void block(List<OutputLog.Piece> pieces, String text, String style) {
    if (text != null && !text.isEmpty()) {
      pieces.add(OutputLog.Piece.of(text.endsWith("\n") ? text : text + "\n", style));
    }
  }

  private static void cut(List<OutputLog.Piece> pieces, String stream, long dropped) {
    if (dropped > 0) {
      pieces.add(
          OutputLog.Piece.of(OutputText.cutMarker(stream, dropped) + "\n", OutputLog.MARKER));
    }
  }

  private void running(RunEvent.ExecutionStarted s) {
    status.setText(OutputText.running(s));
    setStatusStyle("status-running");
  }

  /** Header, facts and empty state from the turn's record as it stands. */
  private void refresh(TurnRecord record) {
    RunEvent.ExecutionFinished f = record == null ? null : record.execution();
    if (f != null) {
      status.setText(OutputText.status(f));
      setStatusStyle("OK".equals(f.status()) ? "status-ok" : "status-failed");
      if (log.isEmpty()) {
        log.appendMarker("(no output)");
      }
    }
    facts.show(record);
    boolean anyFacts = !facts.getChildren().isEmpty();
    factsScroll.setVisible(anyFacts);
    factsScroll.setManaged(anyFacts);
    String message = emptyMessage(record);
    empty.setText(message == null ? "" : message);
    empty.setVisible(message != null);
    log.node().setVisible(message == null);
    copyAll.setDisable(!streaming && f == null);
  }

  private String emptyMessage(TurnRecord record) {
    if (run == null || turn == 0) {
      return "No turn selected";
    }
    if (streaming || (record != null && record.execution() != null)) {
      return null;
    }
    if (record != null && record.decision() != null) {
      Decision.Verdict v = record.decision().verdict();
      if (v == Decision.Verdict.REJECT) {
        return "Rejected: not run";
      }
      if (v == Decision.Verdict.STOP) {
        return "Stopped: not run";
      }
    }
    TurnPhase phase = run.phase(turn);
    if (phase == TurnPhase.FORMAT_ERROR) {
      return "Nothing to run: the answer was not in the expected format";
    }
    if (phase == TurnPhase.DONE_CLAIMED
        && (record == null || record.parsed() == null || record.parsed().code() == null)) {
      return "Nothing to run: the model says it is done";
    }
    return "Not run yet";
  }

  private void setStatusStyle(String styleClass) {
    status.getStyleClass().removeAll("status-ok", "status-failed", "status-running");
    if (styleClass != null) {
      status.getStyleClass().add(styleClass);
    }
  }

  private void copyAll() {
    ClipboardContent content = new ClipboardContent();
    content.putString(fullText());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
