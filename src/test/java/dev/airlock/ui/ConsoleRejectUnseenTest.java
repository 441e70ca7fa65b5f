package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.session.RunSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A rejection answers the code on screen, as an approval does: Enter in the feedback field while
 * the panes show an earlier turn brings the waiting turn up and sends nothing; the next Enter
 * rejects it with the feedback kept.
 */
class ConsoleRejectUnseenTest {
  private static final String FEEDBACK = "use the orders table";

  @TempDir Path tmp;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp,
            4,
            List.of(
                ConsoleRuns.code("print(\"turn one\")"),
                ConsoleRuns.code("print(\"turn two\")"),
                "<done>finished</done>"));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.close();
  }

  @Test
  void enterWhileAnEarlierTurnShowsRejectsNothingUntilTheWaitingCodeWasOnScreen() throws Exception {
    FxRobot robot = probe.robot();
    probe.awaitApproval(1);
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    probe.awaitApproval(2);
    probe.await("turn 2's code", () -> probe.code().contains("turn two"));

    robot.push(KeyCode.CONTROL, KeyCode.R);
    robot.write(FEEDBACK);
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    probe.await("turn 1's code", () -> probe.code().contains("turn one"));
    robot.type(KeyCode.ENTER);

    assertThat(said()).contains("Turn 2 waits");
    assertThat(probe.code()).contains("turn two");
    robot.type(KeyCode.ENTER);

    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    RunEvent.Decided second = RunHistory.read(session.transcript()).turns().get(1).decision();
    assertThat(second.verdict()).isEqualTo(Decision.Verdict.REJECT);
    assertThat(second.feedback()).isEqualTo(FEEDBACK);
  }

  private String said() throws Exception {
    return ConsoleProbe.fx(
        () -> ((Label) probe.stage().getScene().lookup(".action-message")).getText());
  }
}
