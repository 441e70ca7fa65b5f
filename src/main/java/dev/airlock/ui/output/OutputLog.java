package dev.airlock.ui.output;

import dev.airlock.agent.RiskDetector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

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

  /** Text not in the view yet, oldest first, and its newlines. */
  private final Deque<Piece> backlog = new ArrayDeque<>();

  private long backlogLines;

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
    view.setCellFactory(v -> new LineCell());
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
    backlogLines = 0;
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
    for (Piece p : pieces) {
      long n = count(p.text());
      Piece last = backlog.peekLast();
      if (last != null && !p.ownLine() && last.styleClass().equals(p.styleClass())) {
        last.text().append(p.text());
      } else {
        backlog.addLast(p);
      }
      backlogLines += n;
    }
    if (backlogLines > maxLines) {
      long drop = backlogLines - maxLines;
      drop(drop);
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
    List<Piece> pieces = take(LINES_PER_PULSE);
    if (backlog.isEmpty()) {
      drainer.stop();
    } else {
      drainer.start();
    }
    List<OutputLine> added = new ArrayList<>();
    List<OutputLine.Segment> open = new ArrayList<>();
    int openLength = 0;
    boolean continues = lastLineOpen;
    if (continues) {
      OutputLine last = lines.get(lines.size() - 1);
      open.addAll(last.segments());
      openLength = last.length();
    }
    for (Piece piece : pieces) {
      if (piece.ownLine() && !open.isEmpty()) {
        added.add(new OutputLine(open));
        open = new ArrayList<>();
        openLength = 0;
        lastLineCut = false;
      }
      String text = piece.text().toString();
      int start = 0;
      while (start <= text.length()) {
        int end = text.indexOf('\n', start);
        String part = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
        if (end >= 0 && open.isEmpty() && !lastLineCut && part.length() <= MAX_LINE) {
          // The common case, a whole line in one stream: no segment list to build and copy.
          added.add(OutputLine.of(visible(part), piece.styleClass()));
          start = end + 1;
          continue;
        }
        if (!part.isEmpty() && !lastLineCut) {
          int room = MAX_LINE - openLength;
          if (part.length() > room) {
            open.add(new OutputLine.Segment(visible(part.substring(0, room)), piece.styleClass()));
            open.add(new OutputLine.Segment(lineCutNote(), MARKER));
            lastLineCut = true;
            openLength = MAX_LINE;
          } else {
            open.add(new OutputLine.Segment(visible(part), piece.styleClass()));
            openLength += part.length();
          }
        }
        if (end < 0) {
          break;
        }
        added.add(open.isEmpty() ? OutputLine.of("", piece.styleClass()) : new OutputLine(open));
        open = new ArrayList<>();
        openLength = 0;
        lastLineCut = false;
        start = end + 1;
      }
    }
    lastLineOpen = !open.isEmpty();
    if (lastLineOpen) {
      added.add(new OutputLine(open));
    }
    replace(continues, added);
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
   * Removes the backlog's text up to and including its {@code newlines}-th newline and returns it;
   * all of the backlog when it holds fewer newlines than that (a last half line included).
   */
  private List<Piece> take(long newlines) {
    List<Piece> taken = new ArrayList<>();
    long seen = 0;
    while (!backlog.isEmpty() && seen < newlines) {
      Piece p = backlog.peekFirst();
      long n = count(p.text());
      if (seen + n <= newlines) {
        taken.add(backlog.removeFirst());
        seen += n;
        continue;
      }
      StringBuilder text = p.text();
      int i = 0;
      for (; i < text.length(); i++) {
        if (text.charAt(i) == '\n' && ++seen == newlines) {
          break;
        }
      }
      taken.add(
          new Piece(new StringBuilder(text.subSequence(0, i + 1)), p.styleClass(), p.ownLine()));
      text.delete(0, i + 1);
      break;
    }
    backlogLines -= seen;
    return taken;
  }

  /**
   * Removes the backlog's text up to and including its {@code newlines}-th newline, as {@link
   * #take} but without copying it: a flood of output drops most of its lines unseen.
   */
  private void drop(long newlines) {
    long seen = 0;
    while (!backlog.isEmpty() && seen < newlines) {
      Piece p = backlog.peekFirst();
      long n = count(p.text());
      if (seen + n <= newlines) {
        backlog.removeFirst();
        seen += n;
        continue;
      }
      StringBuilder text = p.text();
      int i = 0;
      for (; i < text.length(); i++) {
        if (text.charAt(i) == '\n' && ++seen == newlines) {
          break;
        }
      }
      text.delete(0, i + 1);
      break;
    }
    backlogLines -= seen;
  }

  private static long count(CharSequence text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
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

  /**
   * {@code text} as the view shows it: characters that would reorder the line or not be seen at all
   * (bidi overrides, zero-width characters, escape sequences, NUL) as their code points, {@code
   * <U+202E>}, so what the program printed cannot pass for something else. Copy all keeps the text
   * as it was printed.
   */
  static String visible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (RiskDetector.isHidden(c) || Character.isHighSurrogate(c)) {
        return RiskDetector.visible(text);
      }
    }
    return text;
  }

  private static String lineCutNote() {
    return String.format(
        Locale.ROOT, " [line cut at %,d characters; Copy all has all of it]", MAX_LINE);
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

  /**
   * A line: its text in its stream's style; a line of two streams as styled runs. The stream is a
   * pseudo-class (:stdout, :stderr, :output-marker): cells are reused for other lines on every
   * scroll, and a pseudo-class changes state where a style class would restyle the cell anew.
   */
  private static final class LineCell extends ListCell<OutputLine> {
    private static final Map<String, PseudoClass> STYLES =
        Map.of(
            STDOUT, PseudoClass.getPseudoClass(STDOUT),
            STDERR, PseudoClass.getPseudoClass(STDERR),
            MARKER, PseudoClass.getPseudoClass(MARKER));
    private String shown;

    LineCell() {
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
}
