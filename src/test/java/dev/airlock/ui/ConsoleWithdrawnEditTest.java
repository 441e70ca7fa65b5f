package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
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
 * The person edits the waiting code, then stops the run (Ctrl+.): the question is withdrawn, the
 * edit never runs, and the window says so; the edit is not silently dropped.
 */
class ConsoleWithdrawnEditTest {
  private static final String LINE = "print(\"my unsent fix\")";

  @TempDir Path tmp;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    probe =
        ConsoleRuns.openScripted(
            tmp, 2, List.of(ConsoleRuns.code("print(\"proposed\")"), "<done>finished</done>"));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.close();
  }

  @Test
  void stoppingWhileEditingSaysTheEditWasNotSentAndKeepsIt() throws Exception {
    FxRobot robot = probe.robot();
    probe.awaitApproval(1);
    robot.push(KeyCode.CONTROL, KeyCode.E);
    robot.push(KeyCode.CONTROL, KeyCode.HOME);
    robot.write(LINE);
    robot.type(KeyCode.ENTER);
    assertThat(probe.codeEdited()).isTrue();

    robot.push(KeyCode.CONTROL, KeyCode.PERIOD);

    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    assertThat(session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS).status())
        .isEqualTo(RunStatus.STOPPED);
    assertThat(RunHistory.read(session.transcript()).turns().get(0).execution()).isNull();
    assertThat(probe.code()).as("the edit, after the stop").startsWith(LINE + "\n");
    String said =
        ConsoleProbe.fx(
            () -> ((Label) probe.stage().getScene().lookup(".action-message")).getText());
    assertThat(said).contains("withdrawn").contains("your edit was not sent");
  }
}
