package dev.airlock.ui.output;

import dev.airlock.agent.RiskDetector;
import dev.airlock.ui.output.OutputLog.Piece;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the output log's lines of a drain's pieces of text: a line of two streams becomes styled
 * segments, a line longer than {@link OutputLog#MAX_LINE} characters is cut where it passes it, and
 * the text after the last newline stays an open line that later pieces continue.
 */
final class OutputLineAssembler {
  private final List<OutputLine> added = new ArrayList<>();
  private List<OutputLine.Segment> open = new ArrayList<>();
  private int openLength;
  private boolean lastLineCut;

  /**
   * Starts with {@code openLine} (the log's last line, still open; null when the text so far ended
   * with a newline); {@code lastLineCut}: that line was cut already, the rest of it is not shown.
   */
  OutputLineAssembler(OutputLine openLine, boolean lastLineCut) {
    if (openLine != null) {
      open.addAll(openLine.segments());
      openLength = openLine.length();
    }
    this.lastLineCut = lastLineCut;
  }

  void add(Piece piece) {
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
      if (end >= 0 && open.isEmpty() && !lastLineCut && part.length() <= OutputLog.MAX_LINE) {
        // The common case, a whole line in one stream: no segment list to build and copy.
        added.add(OutputLine.of(visible(part), piece.styleClass()));
        start = end + 1;
        continue;
      }
      if (!part.isEmpty() && !lastLineCut) {
        int room = OutputLog.MAX_LINE - openLength;
        if (part.length() > room) {
          open.add(new OutputLine.Segment(visible(part.substring(0, room)), piece.styleClass()));
          open.add(new OutputLine.Segment(lineCutNote(), OutputLog.MARKER));
          lastLineCut = true;
          openLength = OutputLog.MAX_LINE;
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

  /** Whether the last line made has no newline after it yet. */
  boolean lastLineOpen() {
    return !open.isEmpty();
  }

  /** Whether the last line made was cut: the rest of it, up to its newline, is not shown. */
  boolean lastLineCut() {
    return lastLineCut;
  }

  /** The lines made, the open last line at the end when there is one; call once, at the end. */
  List<OutputLine> finish() {
    if (!open.isEmpty()) {
      added.add(new OutputLine(open));
    }
    return added;
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
        Locale.ROOT, " [line cut at %,d characters; Copy all has all of it]", OutputLog.MAX_LINE);
  }
}
