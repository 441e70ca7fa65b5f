package dev.airlock.ui.output;

import dev.airlock.ui.output.OutputLog.Piece;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Text of the output log not in the view yet, oldest first, and how many newlines it holds: a
 * batch's pieces of one stream join the last piece waiting, and the view takes a pulse's worth of
 * lines at a time or drops lines unseen when more wait than it keeps.
 */
final class OutputBacklog {
  private final Deque<Piece> backlog = new ArrayDeque<>();

  private long backlogLines;

  /** Adds a batch's pieces at the end. */
  void add(List<Piece> pieces) {
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
  }

  /** The newlines waiting. */
  long lines() {
    return backlogLines;
  }

  boolean isEmpty() {
    return backlog.isEmpty();
  }

  void clear() {
    backlog.clear();
    backlogLines = 0;
  }

  /**
   * Removes the backlog's text up to and including its {@code newlines}-th newline and returns it;
   * all of the backlog when it holds fewer newlines than that (a last half line included).
   */
  List<Piece> take(long newlines) {
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
  void drop(long newlines) {
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

  static long count(CharSequence text) {
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
