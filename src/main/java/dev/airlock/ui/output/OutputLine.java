package dev.airlock.ui.output;

import java.util.List;

/**
 * One line of the output view: its text in one or more styled segments (a line a stream left half
 * written can go on in the other stream). Immutable; a half line that grows is replaced.
 */
record OutputLine(List<Segment> segments) {
  /** Text in one style class ({@link OutputLog#STDOUT}, {@link OutputLog#STDERR}, marker). */
  record Segment(String text, String styleClass) {}

  OutputLine {
    segments = List.copyOf(segments);
  }

  static OutputLine of(String text, String styleClass) {
    return new OutputLine(List.of(new Segment(text, styleClass)));
  }

  String text() {
    if (segments.size() == 1) {
      return segments.get(0).text();
    }
    StringBuilder b = new StringBuilder();
    segments.forEach(s -> b.append(s.text()));
    return b.toString();
  }

  int length() {
    int n = 0;
    for (Segment s : segments) {
      n += s.text().length();
    }
    return n;
  }

  /** The style of the line's first text: what its cell is styled as. */
  String styleClass() {
    return segments.isEmpty() ? OutputLog.STDOUT : segments.get(0).styleClass();
  }
}
