package dev.airlock.ui.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * Sandbox output as a read-only, virtualised, monospace text: text arrives in pieces (a stream's
 * chunk, many lines or half a line), each batch goes in as one document edit, and only the newest
 * {@code maxLines} lines are kept, under a first line that says how many earlier lines are not
 * shown. Lines longer than {@link #MAX_LINE} characters are cut where they pass it: one line of
 * megabytes would stall the UI thread, and the agent's code decides what it prints. The view
 * follows new text while the user is at the bottom and stays put once they scroll up.
 */
final class OutputLog {
  /** Style class of stdout, stderr and of the pane's own lines (markers), as in output.css. */
  static final String STDOUT = "stdout";

  static final String STDERR = "stderr";
  static final String MARKER = "output-marker";

  /** Characters of one line shown; the rest of the line is left to Copy all. */
  static final int MAX_LINE = 4_000;

  /** One piece of text in one style. */
  record Piece(String text, String styleClass) {}

  private final int maxLines;
  private final StyleClassedTextArea area = new StyleClassedTextArea();
  private final VirtualizedScrollPane<StyleClassedTextArea> scroll;
  private long hiddenLines;
  private boolean markerShown;
  private boolean lastLineCut;
  private boolean following = true;

  OutputLog(int maxLines) {
    this.maxLines = maxLines;
    area.setEditable(false);
    area.setWrapText(true);
    area.setUndoManager(UndoUtils.noOpUndoManager()); // an undo history would keep every line
    area.getStyleClass().add("output-log");
    scroll = new VirtualizedScrollPane<>(area);
    scroll.getStyleClass().add("output-scroll");
    // Only the user's own scrolling decides whether the view follows new text.
    scroll.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::userMoved));
    scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::userMoved));
    area.addEventFilter(KeyEvent.KEY_RELEASED, e -> userMoved());
  }

  VirtualizedScrollPane<StyleClassedTextArea> node() {
    return scroll;
  }

  StyleClassedTextArea area() {
    return area;
  }

  /** Lines dropped from the top to keep the view within its cap. */
  long hiddenLines() {
    return hiddenLines;
  }

  /** Whether new text scrolls into view (the user is at the bottom). */
  boolean following() {
    return following;
  }

  void clear() {
    area.clear();
    hiddenLines = 0;
    markerShown = false;
    lastLineCut = false;
    following = true;
  }

  /** Appends a batch of pieces as one edit, then drops the oldest lines over the cap. */
  void append(List<Piece> pieces) {
    if (pieces.isEmpty()) {
      return;
    }
    SegmentOps<String, Collection<String>> ops = area.getSegOps();
    int last = area.getParagraphs().size() - 1;
    List<List<StyledSegment<String, Collection<String>>>> lines = split(pieces, last);
    int contentStart = markerShown ? 1 : 0;
    // A text that ends with a newline ends with an empty paragraph: not a line of its own.
    int trailing = lines.get(lines.size() - 1).isEmpty() ? 1 : 0;
    if (lines.size() - trailing - maxLines >= 1) {
      // The batch alone fills the view: everything shown before and the batch's first lines go.
      long existing = area.getParagraphs().size() - contentStart;
      hiddenLines += existing - 1 + lines.size() - trailing - maxLines;
      List<List<StyledSegment<String, Collection<String>>>> kept =
          lines.subList(lines.size() - trailing - maxLines, lines.size());
      int from = contentStart == 1 ? area.getAbsolutePosition(1, 0) : 0;
      area.replace(from, area.getLength(), document(ops, kept));
    } else {
      area.replace(area.getLength(), area.getLength(), document(ops, lines));
      int paragraphs = area.getParagraphs().size();
      int empty = area.getParagraphLength(paragraphs - 1) == 0 ? 1 : 0;
      int over = paragraphs - contentStart - empty - maxLines;
      if (over > 0) {
        int from = contentStart == 1 ? area.getAbsolutePosition(1, 0) : 0;
        area.deleteText(from, area.getAbsolutePosition(contentStart + over, 0));
        hiddenLines += over;
      }
    }
    showHiddenLines();
    scrollToEndIfFollowing();
  }

  /** Appends one whole line of the pane's own (a marker), on a line of its own. */
  void appendMarker(String text) {
    List<Piece> pieces = new ArrayList<>();
    if (area.getLength() > 0 && area.getParagraphLength(area.getParagraphs().size() - 1) > 0) {
      pieces.add(new Piece("\n", MARKER));
    }
    pieces.add(new Piece(text + "\n", MARKER));
    append(pieces);
  }

  /** The pieces as lines; the first continues line {@code last} of the area (a half line). */
  private List<List<StyledSegment<String, Collection<String>>>> split(
      List<Piece> pieces, int last) {
    List<List<StyledSegment<String, Collection<String>>>> lines = new ArrayList<>();
    List<StyledSegment<String, Collection<String>>> line = new ArrayList<>();
    int length = area.getParagraphLength(last);
    for (Piece piece : pieces) {
      Collection<String> style = Set.of(piece.styleClass());
      String text = piece.text();
      int start = 0;
      while (start <= text.length()) {
        int end = text.indexOf('\n', start);
        String part = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
        if (!part.isEmpty() && !lastLineCut) {
          int room = MAX_LINE - length;
          if (part.length() > room) {
            line.add(new StyledSegment<>(part.substring(0, room), style));
            line.add(new StyledSegment<>(lineCutNote(), Set.of(MARKER)));
            lastLineCut = true;
            length = MAX_LINE;
          } else {
            line.add(new StyledSegment<>(part, style));
            length += part.length();
          }
        }
        if (end < 0) {
          break;
        }
        lines.add(line);
        line = new ArrayList<>();
        length = 0;
        lastLineCut = false;
        start = end + 1;
      }
    }
    lines.add(line);
    return lines;
  }

  private ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(
      SegmentOps<String, Collection<String>> ops,
      List<List<StyledSegment<String, Collection<String>>>> lines) {
    ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder =
        new ReadOnlyStyledDocumentBuilder<>(ops, List.of(), lines.size());
    for (List<StyledSegment<String, Collection<String>>> line : lines) {
      if (line.isEmpty()) {
        builder.addParagraph("", List.of());
      } else {
        builder.addParagraph(line);
      }
    }
    return builder.build();
  }

  private void showHiddenLines() {
    if (hiddenLines == 0) {
      return;
    }
    String text = OutputText.hiddenLines(hiddenLines);
    if (markerShown) {
      area.replace(0, area.getParagraphLength(0), text, MARKER);
    } else {
      area.insert(0, text + "\n", MARKER);
      markerShown = true;
    }
  }

  private static String lineCutNote() {
    return String.format(
        Locale.ROOT, " [line cut at %,d characters; Copy all has all of it]", MAX_LINE);
  }

  private void scrollToEndIfFollowing() {
    if (following) {
      area.showParagraphAtBottom(area.getParagraphs().size() - 1);
    }
  }

  private void userMoved() {
    double bottom = area.estimatedScrollYProperty().getValue() + area.getViewportHeight();
    Double total = area.totalHeightEstimateProperty().getValue();
    following = total == null || bottom >= total - 32;
  }
}
