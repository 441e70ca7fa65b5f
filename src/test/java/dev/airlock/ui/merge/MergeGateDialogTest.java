package dev.airlock.ui.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.MergeVerdict;
import dev.airlock.ui.ShortPressRobot;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The merge gate on a real merge waiting at a real gate (lakehouse, verifier, human seat): what it
 * shows first, and that its keys answer the very question the engine waits on, off the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class MergeGateDialogTest {
  /** Key presses let go at once: a key held past the display's auto-repeat delay acts twice. */
  private final ShortPressRobot keys = new ShortPressRobot();

  @TempDir Path dir;
  private Stage owner;
  private MergeFixture fixture;
  private MergeGateDialog dialog;
  private final ExecutorService answers = Executors.newSingleThreadExecutor();
  private final AtomicBoolean answeredOnFxThread = new AtomicBoolean();

  @Start
  void start(Stage stage) {
    owner = stage;
    stage.setTitle("Airlock");
    stage.setScene(new Scene(new StackPane(new Label("the console")), 400, 300));
    stage.show();
  }

  @BeforeEach
  void open(FxRobot robot) throws Exception {
    fixture = new MergeFixture(dir);
    robot.interact(
        () -> {
          dialog =
              new MergeGateDialog(
                  owner,
                  fixture.pending,
                  r ->
                      answers.execute(
                          () -> {
                            answeredOnFxThread.set(Platform.isFxApplicationThread());
                            r.run();
                          }));
          dialog.show();
        });
    // The pointer over the dialog gives it the keyboard (Xvfb has no window manager).
    robot.clickOn(".merge-heading");
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    robot.interact(() -> dialog.close());
    fixture.close();
    answers.shutdown();
    answers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void itIsTitledMergeAndListsTheFailingCheckFirstOpenOnItsEvidence(FxRobot robot) {
    assertThat(dialog.stage().getTitle()).startsWith("Merge " + MergeFixture.BRANCH + " into main");
    assertThat(robot.lookup("#merge-verdict").queryAs(Label.class).getText())
        .isEqualTo("1 of 13 checks failed");
    List<Node> checks = robot.lookup("#merge-checks").queryAs(VBox.class).getChildren();
    TitledPane first = (TitledPane) checks.get(0);
    CheckResult failed = (CheckResult) first.getUserData();
    assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(failed.id()).isEqualTo("id_unique:bauplan.payments:payment_id");
    assertThat(first.isExpanded()).as("the failure is open on its SQL and rows").isTrue();
    TitledPane passed = (TitledPane) checks.get(checks.size() - 1);
    assertThat(passed.getUserData()).as("passes are grouped after the failures").isNull();
    assertThat(checks).hasSize(2);
  }

  @Test
  void eachTableSaysQuietlyHowLongItsChecksTookAndTheHeaderTheWholeAudit(FxRobot robot) {
    List<String> perTable =
        robot.lookup(".merge-table-time").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertThat(perTable)
        .as("one figure per changed table, beside its name")
        .hasSize(3)
        .allMatch(t -> t.matches("checked in (<1 ms|\\d+ ms|\\d+\\.\\d s)"), "a time");
    Label total = robot.lookup("#merge-audit-time").queryAs(Label.class);
    assertThat(total.isVisible()).isTrue();
    assertThat(total.getText()).startsWith("checked in ");
    assertThat(total.getStyleClass()).contains("merge-muted");
  }

  @Test
  void ctrlEnterApprovesTheMergeOffTheFxThreadAndTheTablesReachMain(FxRobot robot)
      throws Exception {
    keys.push(KeyCode.CONTROL, KeyCode.ENTER);

    assertThat(fixture.pending.answer().get(30, TimeUnit.SECONDS))
        .isEqualTo(new MergeVerdict.Approve());
    assertThat(fixture.merged.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(fixture.lake.hasTable("main", "payments")).isTrue();
    assertThat(answeredOnFxThread).isFalse();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.stage().isShowing()).as("the dialog closes once it answered").isFalse();
  }

  @Test
  void ctrlRThenTypingThenEnterSendsTheReasonToTheAgentAndMainIsUntouched(FxRobot robot)
      throws Exception {
    keys.push(KeyCode.CONTROL, KeyCode.R);
    assertThat(robot.lookup("#merge-reason").queryAs(TextField.class).isFocused()).isTrue();
    robot.write("payment p-1002 is loaded twice");
    keys.push(KeyCode.ENTER);

    assertThat(fixture.pending.answer().get(30, TimeUnit.SECONDS))
        .isEqualTo(new MergeVerdict.RejectToAgent("payment p-1002 is loaded twice"));
    assertThat(fixture.merged.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(fixture.lake.hasTable("main", "payments")).isFalse();
  }

  @Test
  void ctrlPeriodEndsTheRunWithTheReason(FxRobot robot) throws Exception {
    keys.push(KeyCode.CONTROL, KeyCode.R);
    robot.write("wrong source file");
    keys.push(KeyCode.CONTROL, KeyCode.PERIOD);

    assertThat(fixture.pending.answer().get(30, TimeUnit.SECONDS))
        .isEqualTo(new MergeVerdict.RejectAndEnd("wrong source file"));
  }

  @Test
  void anEmptyReasonIsRefusedInlineAndNothingIsAnswered(FxRobot robot) {
    keys.push(KeyCode.CONTROL, KeyCode.R);
    keys.push(KeyCode.ENTER);
    keys.push(KeyCode.CONTROL, KeyCode.PERIOD);
    WaitForAsyncUtils.waitForFxEvents();

    Label error = robot.lookup("#merge-reason-error").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("Write a reason first");
    assertThat(fixture.pending.answer()).isNotDone();
    assertThat(dialog.stage().isShowing()).isTrue();

    keys.push(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#merge-reason").queryAs(TextField.class).isFocused())
        .as("Esc leaves the field")
        .isFalse();
    robot.write("x");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#merge-reason").queryAs(TextField.class).getText()).isEmpty();
    assertThat(fixture.pending.answer()).as("Esc answers nothing").isNotDone();
    assertThat(dialog.stage().isShowing()).isTrue();
  }
}
