package dev.airlock.ui.runs;

import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;

/**
 * Above the turn panes of a recorded run whose transcript is damaged (lines skipped, the last line
 * cut short): what is shown, up to which event, and what could not be read. Hidden otherwise.
 */
public final class DamageBanner extends Label {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  public DamageBanner() {
    getStyleClass().add("damage-banner");
    getStylesheets().add(Styles.url());
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    show(null);
  }

  /** Shows {@code text} (from {@link #describe}), or hides the banner for null. */
  public void show(String text) {
    setText(text == null ? "" : text);
    setVisible(text != null);
    setManaged(text != null);
  }

  /**
   * What the banner says of {@code history}, or null when the transcript was read whole: where the
   * shown run stops (its last good event) and the reader's note on what was skipped.
   */
  public static String describe(RunHistory history) {
    String note = history.readNote();
    if (note == null) {
      return null;
    }
    RunEvent last = lastGood(history);
    StringBuilder s = new StringBuilder("Damaged transcript: shown up to its last good event, ");
    s.append(words(last));
    if (last.turn() > 0) {
      s.append(" of turn ").append(last.turn());
    }
    if (last.at() != null) {
      s.append(" at ").append(TIME.format(last.at()));
    }
    if (history.finished() == null) {
      s.append(" (no end record: the run's end was not recorded)");
    }
    s.append(". ").append(note.substring(0, 1).toUpperCase(Locale.ROOT)).append(note.substring(1));
    return RiskDetector.visible(s.toString());
  }

  static RunEvent lastGood(RunHistory history) {
    if (history.finished() != null) {
      return history.finished();
    }
    List<TurnRecord> turns = history.turns();
    for (int i = turns.size() - 1; i >= 0; i--) {
      List<RunEvent> events = turns.get(i).events();
      if (!events.isEmpty()) {
        return events.get(events.size() - 1);
      }
    }
    return history.started();
  }

  /** "ExecutionFinished" as "execution finished". */
  static String words(RunEvent e) {
    return e.getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
  }
}
