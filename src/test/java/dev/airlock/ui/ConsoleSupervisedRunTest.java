package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A person supervises the demo in the real console to a merged {@code main} with the keyboard
 * alone: edits turn 1 and approves it, rejects turn 2 with feedback, approves turn 3 and then the
 * merge. The code really runs (bubblewrap, Python, the embedded lakehouse).
 */
class ConsoleSupervisedRunTest {
  private static final String LINE = "print(\"checked by the supervisor\")";
  private static final String FEEDBACK = "audit the fees table before merging";

  @TempDir Path tmp;
  private Launcher launcher;
  private ConsoleProbe probe;

  @BeforeEach
  void openTheConsole() throws Exception {
    List<String> demo = ConsoleRuns.demoAnswers();
    // The demo's failing import, its load-audit-merge (rejected here), the same again, done.
    String model =
        ConsoleRuns.script(tmp, List.of(demo.get(0), demo.get(1), demo.get(1), demo.get(2)));
    Path raw = ConsoleRuns.demoRaw(tmp, 1_500);
    launcher = ConsoleRuns.launcher(tmp);
    RunRequest request = RunRequest.builder(model).raw(raw.toString()).maxTurns(6).build();
    probe = ConsoleProbe.open(ConsoleStart.live(launcher, request));
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    probe.close();
  }

  @Test
  void aPersonSupervisesTheDemoToAMergedMainWithTheKeyboardAlone() throws Exception {
    FxRobot robot = probe.robot();

    // Turn 1: edit the code (a line at the top), approve the edit.
    probe.awaitApproval(1);
    assertThat(probe.title()).contains("waiting");
    assertThat(probe.state(1)).isEqualTo(TurnRow.State.WAITING_FOR_YOU);
    robot.push(KeyCode.CONTROL, KeyCode.E);
    robot.push(KeyCode.CONTROL, KeyCode.HOME);
    robot.write(LINE);
    robot.type(KeyCode.ENTER);
    assertThat(probe.code()).startsWith(LINE + "\n").contains("client.create_table(");
    assertThat(probe.codeEdited()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);

    // Turn 2 waits; turn 1's output (Alt+Left) shows the supervisor's line ran.
    probe.awaitApproval(2);
    assertThat(probe.title()).contains("waiting");
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    probe.await(
        "turn 1's output to show the edited code's line",
        () -> probe.output().contains("checked by the supervisor"));
    robot.push(KeyCode.ALT, KeyCode.RIGHT);
    probe.await("turn 2's code to show again", () -> probe.code().contains("merge_branch"));

    // Turn 2: reject with feedback.
    robot.push(KeyCode.CONTROL, KeyCode.R);
    robot.write(FEEDBACK);
    robot.type(KeyCode.ENTER);

    // Turn 3: approve as proposed; its merge into main waits in the gate: approve it there.
    PendingApproval turn3 = probe.awaitApproval(3);
    assertThat(probe.state(2)).isEqualTo(TurnRow.State.REJECTED);
    assertThat(turn3.proposal().code()).contains("merge_branch");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    Stage gate = probe.awaitMergeGate();
    assertThat(probe.title()).contains("waiting");
    probe.focus(gate);
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);

    probe.await("the run to end", probe::finished);
    RunSession session = probe.session();
    assertThat(session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS).status())
        .isEqualTo(RunStatus.DONE);
    assertThat(probe.title()).doesNotContain("waiting");
    assertThat(probe.runState()).isEqualTo("done");
    assertThat(probe.timeline())
        .extracting(TurnRow::state)
        .containsExactly(
            TurnRow.State.FAILED, TurnRow.State.REJECTED, TurnRow.State.OK, TurnRow.State.DONE);

    // The record says what the person did, as theirs.
    String human = "human:" + ConsoleRuns.USER;
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.status()).isEqualTo(RunStatus.DONE);
    RunEvent.Decided first = history.turns().get(0).decision();
    assertThat(first.verdict()).isEqualTo(Decision.Verdict.APPROVE_EDITED);
    assertThat(first.by()).isEqualTo(human);
    assertThat(first.executedCode()).startsWith(LINE + "\n");
    assertThat(first.proposedCode()).doesNotContain(LINE);
    assertThat(history.turns().get(0).execution().stdout()).contains("checked by the supervisor");
    RunEvent.Decided second = history.turns().get(1).decision();
    assertThat(second.verdict()).isEqualTo(Decision.Verdict.REJECT);
    assertThat(second.by()).isEqualTo(human);
    assertThat(second.feedback()).isEqualTo(FEEDBACK);
    assertThat(second.executedCode()).isNull();
    TurnRecord third = history.turns().get(2);
    assertThat(third.decision().verdict()).isEqualTo(Decision.Verdict.APPROVE);
    assertThat(third.mergeDecisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.approved()).isTrue();
              assertThat(d.by()).isEqualTo(human);
              assertThat(d.target()).isEqualTo("main");
            });

    // main holds the demo's tables, as the audit saw them.
    assertThat(ConsoleRuns.tables(launcher, "main"))
        .contains("payments:1500")
        .hasSize(5)
        .allMatch(t -> !t.endsWith(":0"));
  }
}
