package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.session.RunSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Ctrl+Enter held down (key repeat) while the scripted model answers at once: the next turn's code
 * arrives under the held key, and a repeat must not approve it. The person releases, rejects turn
 * 2, and the record says turn 2 was rejected, never run.
 */
class ConsoleHeldEnterTest {
  private static final String FEEDBACK = "not this one";

  @TempDir Path tmp;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp,
            4,
            List.of(
                ConsoleRuns.code("print(\"one\")"),
                ConsoleRuns.code("print(\"two: never seen, never approved\")"),
                "<done>finished</done>"));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.robot().release(KeyCode.ENTER, KeyCode.CONTROL);
    probe.close();
  }

  @Test
  void aRepeatOfAHeldCtrlEnterDoesNotApproveTheTurnThatArrivedUnderIt() throws Exception {
    FxRobot robot = probe.robot();
    probe.awaitApproval(1);
    robot.press(KeyCode.CONTROL, KeyCode.ENTER); // held: turn 1 approved, the key stays down
    probe.awaitApproval(2);

    // What the keyboard sends while the key stays down: another press, no release between.
    ConsoleProbe.fx(
        () -> {
          Scene scene = probe.stage().getScene();
          Event.fireEvent(
              scene.getFocusOwner() == null ? scene : scene.getFocusOwner(),
              new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false));
          return null;
        });
    robot.release(KeyCode.ENTER, KeyCode.CONTROL);

    robot.push(KeyCode.CONTROL, KeyCode.R);
    robot.write(FEEDBACK);
    robot.type(KeyCode.ENTER);

    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.turns().get(0).decision().verdict()).isEqualTo(Decision.Verdict.APPROVE);
    RunEvent.Decided second = history.turns().get(1).decision();
    assertThat(second.verdict())
        .as("turn 2, which arrived under the held key")
        .isEqualTo(Decision.Verdict.REJECT);
    assertThat(second.feedback()).isEqualTo(FEEDBACK);
    assertThat(second.executedCode()).isNull();
  }
}
