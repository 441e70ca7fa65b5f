package dev.airlock.cli;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;

/**
 * {@code airlock replay}'s text: a recorded run turn by turn in {@link TurnText}'s words, then how
 * it ended (or that it did not) and which lines of the transcript were skipped.
 */
final class ReplayText {
  private ReplayText() {}

  /**
   * The whole run, turn by turn, each turn's events in the order they happened: what a live run
   * printed, with each request's last message and each execution's output in one block.
   */
  static String replay(RunHistory h) {
    StringBuilder b = new StringBuilder(TurnText.header(h.started())).append('\n');
    for (TurnRecord t : h.turns()) {
      b.append('\n');
      if (t.request() == null) {
        b.append("── turn ").append(t.turn()).append(" ──\n");
      }
      for (RunEvent e : t.events()) {
        if (e instanceof RunEvent.ExecutionFinished f) {
          b.append(TurnText.executionOutput(f));
        }
        String text = TurnText.part(e);
        if (text != null) {
          b.append(text).append('\n');
        }
        if (e instanceof RunEvent.ModelRequested r) {
          b.append(TurnText.lastMessage(r)).append('\n');
        }
      }
    }
    b.append('\n');
    if (h.finished() != null) {
      b.append(TurnText.finished(h.finished())).append('\n');
    } else if (h.writerAlive()) {
      b.append(
          "The run is still going: it has no end record yet and its process is writing the transcript.\n");
    } else {
      b.append(
          "The run was interrupted: it has no end record and no process is writing it"
              + " (killed or crashed after the events above).\n");
    }
    h.skippedLines()
        .forEach(
            l ->
                b.append("(line ")
                    .append(l.number())
                    .append(" of the transcript is not a record and was skipped: ")
                    .append(l.reason())
                    .append(")\n"));
    if (h.truncated()) {
      b.append("(the transcript's last line was cut short and was skipped)\n");
    }
    return b.toString();
  }
}
