package dev.airlock.ui.output;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Sandbox output as a virtualised list of monospace lines: text arrives in pieces (a stream's
 * chunk, many lines or half a line), each batch changes the list once at its end, and only the
 * newest {@code maxLines} lines are kept, under a first line that says how many earlier lines are
 * not shown. Lines longer than {@link #MAX_LINE} characters are cut where they pass it: one line of
 * megabytes would stall the UI thread, and the agent's code decides what it prints. The view
 * follows new lines while the user is at the bottom and stays put once they scroll up. Selected
 * lines copy with Ctrl+C.
 *
 * <p>A list of lines rather than a rich text area: with 20,000 lines, RichTextFX took hundreds of
 * milliseconds per appended batch here; a list with a fixed cell height costs what is visible.
 *
 * <p>This class keeps the list and its following; {@link OutputBacklog} holds the text waiting,
 * {@link OutputLineAssembler} makes lines of it and {@link OutputLineCell} draws one.
 */
final class OutputLog {
  /** Style class of stdout, stderr and of the pane's own lines (markers), as in output.css. */
  static final String STDOUT = "stdout";

  static final String STDERR = "stderr";
  static final String MARKER = "output-marker";

  /** Characters of one line shown; the rest of the line is left to Copy all. */
  static final int MAX_LINE = 4_000;

  /**
   * Lines taken into the view per pulse at most; the rest waits for the next pulses. Small enough
   * that a pulse's share stays a few milliseconds of the FX thread on a busy two-core machine
   * (60,000 lines a second at 60 pulses; a faster stream is counted as hidden, never laid out).
   */
  static final int LINES_PER_PULSE = 1_000;

  /**
   * One piece of text in one style; a batch's chunks of one stream are joined into it. A piece
   * {@code ownLine} (a marker) starts on a line of its own.
   */
  record Piece(StringBuilder text, String styleClass, boolean ownLine) {
    Piece(StringBuilder text, String styleClass) {
      this(text, styleClass, false);
    }

    static Piece of(String text, String styleClass) {
      return new Piece(new StringBuilder(text), styleClass);
    }
  }

  private final int maxLines;
  private final ObservableList<OutputLine> lines = FXCollections.observableArrayList();
  private final ListView<OutputLine> view = new ListView<>(lines);
  private long hiddenLines;
  private boolean markerShown;

  /** The last line is still open: the text so far had no newline after it. */
  private boolean lastLineOpen;

  private boolean lastLineCut;
  private boolean following = true;

  /** Text not in the view yet. */
  private final OutputBacklog backlog = new OutputBacklog();

  /** The view was scrolled to its end and should show the last line whole at the next pulse. */
  private boolean endPending;

  private int settlePulses;

  private final AnimationTimer drainer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          drain();
        }
      };

  OutputLog(int maxLines) {
    this.maxLines = maxLines;
    view.getStyleClass().addAll("output-log", "edge-to-edge");
    view.setCellFactory(v -> new OutputLineCell());
    view.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    view.setFixedCellSize(18);
    // Only the user's own scrolling decides whether the view follows new lines.
    view.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::userMoved));
    view.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::userMoved));
    view.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::userMoved));
    view.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
            copySelection();
            e.consume();
          }
        });
  }

  ListView<OutputLine> node() {
    return view;
  }

  /** The lines shown, the marker line of hidden lines first when there is one. */
  List<OutputLine> lines() {
    return lines;
  }

  /** The lines shown as text, one per line, each ended by a newline (a last open line: not). */
  String text() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(lines.get(i).text());
      if (i < lines.size() - 1 || !lastLineOpen) {
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** Lines dropped from the top to keep the view within its cap. */
  long hiddenLines() {
    return hiddenLines;
  }

  /** Whether new lines scroll into view (the user is at the bottom). */
  boolean following() {
    return following;
  }

  boolean isEmpty() {
    return lines.isEmpty() && backlog.isEmpty();
  }

  /** Whether every line appended so far is in the view. */
  boolean drained() {
    return backlog.isEmpty();
  }

  void clear() {
    lines.clear();
    backlog.clear();
    drainer.stop();
    hiddenLines = 0;
    markerShown = false;
    lastLineOpen = false;
    lastLineCut = false;
    following = true;
  }

  /**
   * Appends a batch of pieces: up to {@link #LINES_PER_PULSE} lines now, the rest over the next
   * pulses. When more lines wait than the view keeps, the oldest of them are counted as hidden
   * without ever being laid out: a stream faster than the screen costs the screen nothing.
   */
  void append(List<Piece> pieces) {
    backlog.add(pieces);
    if (backlog.lines() > maxLines) {
      long drop = backlog.lines() - maxLines;
      backlog.drop(drop);
      hiddenLines += drop;
      // The waiting lines alone fill the view: every line on screen now goes too (an open last
      // line is counted already: its end was among the dropped lines), and the marker counts them.
      int onScreen = lines.size() - (markerShown ? 1 : 0) - (lastLineOpen ? 1 : 0);
      hiddenLines += Math.max(0, onScreen);
      lines.setAll(List.of(OutputLine.of(OutputText.hiddenLines(hiddenLines), MARKER)));
      markerShown = true;
      lastLineOpen = false;
      lastLineCut = false;
    }
    drain();
  }

  /** Appends one whole line of the pane's own (a marker), on a line of its own. */
  void appendMarker(String text) {
    append(List.of(new Piece(new StringBuilder(text + "\n"), MARKER, true)));
  }

  /** Takes up to a pulse's worth of lines from the backlog into the view. */
  private void drain() {
    if (backlog.isEmpty()) {
      settleAtEnd();
      return;
    }
    List<Piece> pieces = backlog.take(LINES_PER_PULSE);
    if (backlog.isEmpty()) {
      drainer.stop();
    } else {
      drainer.start();
    }
    boolean continues = lastLineOpen;
    OutputLineAssembler assembler =
        new OutputLineAssembler(continues ? lines.get(lines.size() - 1) : null, lastLineCut);
    for (Piece piece : pieces) {
      assembler.add(piece);
    }
    lastLineOpen = assembler.lastLineOpen();
    lastLineCut = assembler.lastLineCut();
    replace(continues, assembler.finish());
    scrollToEndIfFollowing();
  }

  /**
   * Scrolls the last line fully into view once the list has been laid out with it (a view not laid
   * out yet has no cells to measure: it is tried again for a few pulses).
   */
  private void settleAtEnd() {
    VirtualFlow<?> flow = flow();
    boolean laidOut = flow != null && flow.getHeight() > 0 && flow.getLastVisibleCell() != null;
    if (endPending && following && !lines.isEmpty() && laidOut) {
      flow.scrollTo(lines.size() - 1);
      endPending = false;
    }
    if (!endPending || ++settlePulses > 30) {
      endPending = false;
      settlePulses = 0;
      drainer.stop();
    }
  }

  /**
   * Puts {@code added} at the end (over the open last line when {@code continues}), keeping at most
   * {@code maxLines} lines under the marker: one change to the list for the adding, one for the
   * dropping.
   */
  private void replace(boolean continues, List<OutputLine> added) {
    int contentStart = markerShown ? 1 : 0;
    int existing = lines.size() - contentStart - (continues ? 1 : 0);
    int over = existing + added.size() - maxLines;
    if (over <= 0) {
      if (continues) {
        lines.remove(lines.size() - 1);
      }
      lines.addAll(added);
      return;
    }
    hiddenLines += over;
    OutputLine marker = OutputLine.of(OutputText.hiddenLines(hiddenLines), MARKER);
    if (over >= existing) {
      // Every line shown goes, and the batch's first lines with them.
      List<OutputLine> kept = new ArrayList<>(maxLines + 1);
      kept.add(marker);
      kept.addAll(added.subList(over - existing, added.size()));
      lines.setAll(kept);
    } else {
      if (continues) {
        lines.remove(lines.size() - 1);
      }
      lines.remove(contentStart, contentStart + over);
      lines.addAll(added);
      if (markerShown) {
        lines.set(0, marker);
      } else {
        lines.add(0, marker);
      }
    }
    markerShown = true;
  }

  private void scrollToEndIfFollowing() {
    if (!following || lines.isEmpty()) {
      return;
    }
    // Once laid out, the flow scrolls the last line fully into view by itself; before that, the
    // list is told (the last line at the top is as far as it scrolls: it shows at the bottom) and
    // the next pulses make sure no part of it is cut off.
    VirtualFlow<?> flow = flow();
    if (flow != null && flow.getHeight() > 0) {
      flow.scrollTo(lines.size() - 1);
    } else {
      view.scrollTo(lines.size() - 1);
    }
    endPending = true;
    settlePulses = 0;
    drainer.start();
  }

  private void userMoved() {
    VirtualFlow<?> flow = flow();
    if (flow == null || flow.getLastVisibleCell() == null) {
      following = true;
      return;
    }
    following = flow.getLastVisibleCell().getIndex() >= lines.size() - 1;
  }

  private VirtualFlow<?> flow() {
    return view.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
  }

  private void copySelection() {
    StringBuilder b = new StringBuilder();
    for (OutputLine line : view.getSelectionModel().getSelectedItems()) {
      b.append(line.text()).append('\n');
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(b.toString());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
