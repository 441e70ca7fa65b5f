package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.session.RunSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * "Approve, and from here on: auto" from the action bar at turn 1 approves turn 1 as the person's
 * and stops the asking for the rest of the run; the change is on record, on the turn and in the
 * status line.
 */
class ConsoleRelaxPolicyTest {
  @TempDir Path tmp;
  private ConsoleProbe probe;
  private Scene scene;

  @AfterEach
  void closeTheConsole() throws Exception {
    if (probe != null) {
      probe.close();
    }
  }

  @Test
  void approveAndRelaxToAutoAtTurnOneLeavesTurnsTwoAndThreeUnasked() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp,
            6,
            List.of(
                ConsoleRuns.code("print('turn one')"),
                ConsoleRuns.code("print('turn two')"),
                ConsoleRuns.code("print('turn three')"),
                "<done>three turns</done>"));
    FxRobot robot = probe.robot();
    scene = probe.stage().getScene();
    probe.awaitApproval(1);
    assertThat(statusLine()).contains("approval: ask");

    // Ctrl+Shift+Enter opens "Approve ▾"; the third choice is auto.
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER); // held a moment: it repeats
    probe.await("the relax choices to show", this::relaxShowing);
    ConsoleProbe.fx(
        () -> {
          Event.fireEvent(
              scene.getFocusOwner() == null ? scene : scene.getFocusOwner(),
              new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, true, true, false, false));
          return null;
        });
    robot.release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
    assertThat(ConsoleProbe.fx(this::relaxShowing)).as("the choices, the key let go").isTrue();
    // Nothing is chosen until an arrow picks: a held Enter never relaxes the run.
    assertThat(probe.session().approvalPolicy()).isEqualTo(ApprovalPolicy.ASK);
    robot.type(KeyCode.DOWN, 3);
    robot.type(KeyCode.ENTER);

    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    assertThat(session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS).status())
        .isEqualTo(RunStatus.DONE);
    RunHistory h = RunHistory.read(session.transcript());
    List<TurnRecord> turns = h.turns();
    assertThat(turns.get(0).decision().by()).isEqualTo("human:tester");
    assertThat(turns.get(1).decision().by()).isEqualTo("policy:auto");
    assertThat(turns.get(2).decision().by()).isEqualTo("policy:auto");
    assertThat(turns.get(2).execution().stdout()).isEqualTo("turn three\n");
    // Recorded on turn 1, before the person's approval of it.
    List<RunEvent> first = turns.get(0).events();
    RunEvent.PolicyChanged change =
        first.stream()
            .filter(RunEvent.PolicyChanged.class::isInstance)
            .map(RunEvent.PolicyChanged.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(change)
        .extracting(
            RunEvent.PolicyChanged::from, RunEvent.PolicyChanged::to, RunEvent.PolicyChanged::by)
        .containsExactly("ask", "auto", "human:tester");
    assertThat(first.indexOf(change)).isLessThan(first.indexOf(turns.get(0).decision()));
    // Only turn 1 was ever asked.
    assertThat(Files.readString(session.transcript()))
        .containsOnlyOnce("\"type\":\"approval_requested\",\"turn\":1")
        .contains("\"policy\":\"auto\"");

    assertThat(statusLine()).contains("approval: auto");
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    probe.await(
        "turn 1's header to name the change",
        () ->
            turnLine().contains("approved by human:tester  ·  approval ask → auto (human:tester)"));
  }

  private boolean relaxShowing() {
    Node bar = scene().lookup(".relax-policy");
    return bar instanceof MenuButton b && b.isShowing();
  }

  private String statusLine() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          StringBuilder s = new StringBuilder();
          for (Node n : ((HBox) scene().lookup(".status-line")).getChildren()) {
            if (n instanceof Label l) {
              s.append(l.getText()).append(" | ");
            }
          }
          return s.toString();
        });
  }

  private String turnLine() throws Exception {
    return ConsoleProbe.fx(() -> ((Label) scene().lookup(".turn-line")).getText());
  }

  private Scene scene() {
    return scene;
  }
}
