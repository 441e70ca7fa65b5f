package dev.airlock.ui.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.MergeVerdict;
import dev.airlock.ui.ShortPressRobot;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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
 * How the merge gate's answers meet an impatient or unlucky person: a gate that opens under a held
 * Ctrl+Enter approves nothing until the key was released; an answer that comes after the question
 * was answered elsewhere says so instead of closing as if it had merged.
 */
@ExtendWith(ApplicationExtension.class)
class MergeGateAnsweringTest {
  /** Key presses let go at once: a key held past the display's auto-repeat delay acts twice. */
  private final ShortPressRobot keys = new ShortPressRobot();

  @TempDir Path dir;
  private Stage owner;
  private MergeFixture fixture;
  private MergeGateDialog dialog;
  private final ExecutorService answers = Executors.newSingleThreadExecutor();
  private final CompletableFuture<String> notTaken = new CompletableFuture<>();

  @Start
  void start(Stage stage) {
    owner = stage;
    stage.setScene(new Scene(new StackPane(new Label("the console")), 400, 300));
    stage.show();
  }

  @BeforeEach
  void open() throws Exception {
    fixture = new MergeFixture(dir);
  }

  @AfterEach
  void close(FxRobot robot) throws Exception {
    robot.release(KeyCode.ENTER, KeyCode.CONTROL);
    robot.interact(() -> dialog.close());
    fixture.close();
    answers.shutdown();
    answers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void show(FxRobot robot, boolean underHeldEnter) {
    robot.interact(
        () -> {
          dialog = new MergeGateDialog(owner, fixture.pending, answers);
          dialog.onNotTaken(notTaken::complete);
          if (underHeldEnter) {
            dialog.ignoreApprovalUntilEnterReleased();
          }
          dialog.show();
        });
    robot.clickOn(".merge-heading");
  }

  /** Waits until every answer handed to the answers thread so far has been given. */
  private void answersGiven() throws Exception {
    answers.submit(() -> {}).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aGateOpenedUnderAHeldCtrlEnterApprovesOnlyAfterTheKeyWasReleased(FxRobot robot)
      throws Exception {
    show(robot, true);
    robot.press(KeyCode.CONTROL, KeyCode.ENTER); // the repeat of the key held in the console
    answersGiven();
    assertThat(fixture.pending.isOpen()).as("the merge after a held key's repeat").isTrue();
    assertThat(dialog.stage().isShowing()).isTrue();
    assertThat(robot.lookup("#merge-notice").queryAs(Label.class).getText()).contains("held");

    robot.release(KeyCode.ENTER, KeyCode.CONTROL);
    keys.push(KeyCode.CONTROL, KeyCode.ENTER);
    assertThat(fixture.pending.answer().get(30, TimeUnit.SECONDS))
        .isEqualTo(new MergeVerdict.Approve());
  }

  @Test
  void anApprovalAfterTheQuestionWasAnsweredElsewhereSaysItWasNotTaken(FxRobot robot)
      throws Exception {
    show(robot, false);
    // Answered at the same time from elsewhere (another face of the run, or a policy).
    assertThat(fixture.pending.rejectToAgent("answered at the terminal")).isTrue();

    keys.push(KeyCode.CONTROL, KeyCode.ENTER);

    assertThat(notTaken.get(30, TimeUnit.SECONDS)).contains("too late").contains("Nothing");
    assertThat(fixture.pending.answer().get(30, TimeUnit.SECONDS))
        .isEqualTo(new MergeVerdict.RejectToAgent("answered at the terminal"));
  }
}
