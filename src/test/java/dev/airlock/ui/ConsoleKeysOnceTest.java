package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunHistory;
import dev.airlock.session.RunSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * One physical press of a key acts once: the menu shows the window's keys as accelerators, and a
 * key handled both by the window and by the menu would act twice (Alt+Right two turns on, the theme
 * switched twice = not at all). A held key's repeats act again only where that is harmless (the
 * turn steps).
 */
class ConsoleKeysOnceTest {
  @TempDir Path tmp;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp,
            6,
            List.of(
                ConsoleRuns.code("print('one')"),
                ConsoleRuns.code("print('two')"),
                ConsoleRuns.code("print('three')"),
                ConsoleRuns.code("print('four')"),
                "<done>finished</done>"));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.close();
  }

  @Test
  void everyKeyActsOncePerPress() throws Exception {
    FxRobot robot = probe.robot();
    for (int turn = 1; turn <= 4; turn++) {
      probe.awaitApproval(turn);
      robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    }
    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.turns().stream().filter(t -> t.decision() != null))
        .as("one approval per Ctrl+Enter, four turns of code")
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.decision().verdict()).isEqualTo(Decision.Verdict.APPROVE));
    probe.await("the last turn to be shown", () -> selectedTurn() == newestTurn());
    int newest = newestTurn();

    robot.push(KeyCode.ALT, KeyCode.LEFT);
    assertThat(selectedTurn()).as("Alt+Left once").isEqualTo(newest - 1);
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    assertThat(selectedTurn()).as("Alt+Left again").isEqualTo(newest - 2);
    robot.push(KeyCode.ALT, KeyCode.RIGHT);
    assertThat(selectedTurn()).as("Alt+Right once").isEqualTo(newest - 1);

    boolean dark = Themes.dark();
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
    assertThat(Themes.dark()).as("Ctrl+Shift+D once switches the theme").isNotEqualTo(dark);
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
    assertThat(Themes.dark()).as("and once more switches it back").isEqualTo(dark);

    robot.push(KeyCode.F1);
    assertThat(helpShown()).as("F1 once shows the help").isTrue();
    assertThat(helpFits()).as("the help card fits the window").isTrue();
    robot.push(KeyCode.F1);
    assertThat(helpShown()).as("F1 again hides it").isFalse();
  }

  @Test
  void aHeldKeyRepeatsOnlyTheTurnSteps() throws Exception {
    FxRobot robot = probe.robot();
    for (int turn = 1; turn <= 4; turn++) {
      probe.awaitApproval(turn);
      robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    }
    probe.await("the run to end", probe::finished);
    probe.await("the last turn to be shown", () -> selectedTurn() == newestTurn());
    int newest = newestTurn();

    robot.press(KeyCode.ALT, KeyCode.LEFT);
    repeat(KeyCode.LEFT, false, false, true);
    robot.release(KeyCode.LEFT, KeyCode.ALT);
    assertThat(selectedTurn())
        .as("Alt+Left held: a step per repeat")
        .isLessThanOrEqualTo(newest - 2);

    boolean dark = Themes.dark();
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
    repeat(KeyCode.D, true, true, false);
    repeat(KeyCode.D, true, true, false);
    robot.release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
    assertThat(Themes.dark()).as("Ctrl+Shift+D held switches the theme once").isNotEqualTo(dark);

    robot.press(KeyCode.F1);
    repeat(KeyCode.F1, false, false, false);
    robot.release(KeyCode.F1);
    assertThat(helpShown()).as("F1 held shows the help once").isTrue();
    robot.push(KeyCode.ESCAPE);
    assertThat(helpShown()).isFalse();
  }

  /** What the keyboard sends while a key stays down: another press, no release between. */
  private void repeat(KeyCode code, boolean shift, boolean control, boolean alt) throws Exception {
    ConsoleProbe.fx(
        () -> {
          Scene scene = probe.stage().getScene();
          Event.fireEvent(
              scene.getFocusOwner() == null ? scene : scene.getFocusOwner(),
              new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, alt, false));
          return null;
        });
  }

  private int selectedTurn() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          ListView<?> list = (ListView<?>) probe.stage().getScene().lookup(".turn-list");
          Object row = list.getSelectionModel().getSelectedItem();
          return row == null ? 0 : ((TurnRow) row).turn();
        });
  }

  private int newestTurn() throws Exception {
    List<TurnRow> rows = probe.timeline();
    return rows.stream().mapToInt(TurnRow::turn).max().orElse(0);
  }

  /** Whether the help's card lies inside the window; a snapshot of it goes to target/. */
  private boolean helpFits() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          Scene scene = probe.stage().getScene();
          Snapshots.write(Snapshots.render(scene), Path.of("target", "console-help.png"));
          Node card = scene.lookup(".help-card");
          Bounds b = card.localToScene(card.getBoundsInLocal());
          return b.getMinY() >= 0
              && b.getMinX() >= 0
              && b.getMaxY() <= scene.getHeight()
              && b.getMaxX() <= scene.getWidth();
        });
  }

  private boolean helpShown() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          Node help = probe.stage().getScene().lookup(".help-overlay");
          return help.isVisible();
        });
  }
}
