package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.model.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReasoningPaneTest {
  private ReasoningPane pane;

  @Start
  void start(Stage stage) {
    pane = new ReasoningPane();
    stage.setScene(new Scene(pane, 500, 400));
    stage.show();
  }

  private void deliver(FxRobot robot, RunProjection run, List<RunEvent> batch) {
    robot.interact(
        () -> {
          run.applyAll(batch);
          pane.update(run, batch);
        });
  }

  @Test
  void aThousandTokensInOneBatchBecomeOneEditOfTheRightText(FxRobot robot) {
    TurnEvents t = new TurnEvents();
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    assertThat(pane.emptyText()).isEqualTo("Waiting for the model");

    List<RunEvent> batch = new ArrayList<>();
    batch.add(
        new RunEvent.ModelRequested(
            1, t.at(), "m", List.of(new ChatMessage(ChatMessage.Role.USER, "go"))));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String token = (i % 17 == 0 ? "\n" : "") + "tok" + i + " ";
      expected.append(token);
      batch.add(new RunEvent.ModelToken(1, t.at(), token));
    }
    batch.add(new RunEvent.ModelToken(2, t.at(), "another turn's token"));
    AtomicInteger edits = new AtomicInteger();
    robot.interact(() -> pane.area().plainTextChanges().subscribe(c -> edits.incrementAndGet()));

    deliver(robot, run, batch);

    assertThat(pane.shownText()).isEqualTo(expected.toString());
    assertThat(edits).hasValue(1);
    assertThat(pane.emptyText()).isNull();
  }

  @Test
  void aFloodOfReasoningIsCutAndHiddenCharactersAreShown(FxRobot robot) {
    TurnEvents t = new TurnEvents();
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    List<RunEvent> batch = new ArrayList<>();
    batch.add(new RunEvent.ModelToken(1, t.at(), "I will only \u202edaer\u202c the table.\n"));
    String flood = "x".repeat(10_000); // one paragraph, no line breaks
    for (int i = 0; i < 100; i++) {
      batch.add(new RunEvent.ModelToken(1, t.at(), flood));
    }
    deliver(robot, run, batch);
    deliver(robot, run, List.of(new RunEvent.ModelToken(1, t.at(), "after the cut")));
    String shown = pane.shownText();
    assertThat(shown).startsWith("I will only <U+202E>daer<U+202C> the table.\nxxx");
    assertThat(shown)
        .endsWith(
            "\n[the model's text is cut here at 100,000 characters; the transcript has all of"
                + " it]\n")
        .doesNotContain("after the cut")
        .hasSizeLessThan(ReasoningPane.MAX_SHOWN + 200);
  }

  @Test
  void theParsedAnswerReplacesTheStreamWithItsReasoningAndWhatElseItSaid(FxRobot robot) {
    TurnEvents t = new TurnEvents();
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    deliver(
        robot,
        run,
        List.of(
            new RunEvent.ModelToken(1, t.at(), "<reasoning>The traceback"),
            new RunEvent.ModelToken(1, t.at(), " says")));
    assertThat(pane.shownText()).isEqualTo("<reasoning>The traceback says");

    t.proposed(1);
    List<RunEvent> rest = t.events().subList(t.events().size() - 3, t.events().size());
    deliver(robot, run, rest);
    assertThat(pane.shownText())
        .isEqualTo(TurnEvents.REASONING + "\n\npackages: pandas, pyarrow\n");
    int meta = pane.area().getParagraphs().size() - 2;
    assertThat(pane.area().getParagraph(meta).getStyleOfChar(0))
        .containsExactly(ReasoningPane.META);
    assertThat(pane.area().getParagraph(0).getStyleOfChar(0)).containsExactly(ReasoningPane.TEXT);
  }

  @Test
  void aFormatErrorAndADoneClaimAreShown(FxRobot robot) {
    TurnEvents t = new TurnEvents();
    t.add(
        new RunEvent.ResponseParsed(
            1,
            t.at(),
            ParsedResponse.Kind.FORMAT_ERROR,
            null,
            List.of(),
            null,
            null,
            "no <code> or <done> block"));
    t.add(
        new RunEvent.ResponseParsed(
            2,
            t.at(),
            ParsedResponse.Kind.DONE,
            "All rows are loaded.",
            List.of(),
            null,
            "fees loaded: 1000 rows",
            null));
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    assertThat(pane.shownText())
        .isEqualTo("(no reasoning given)\n\nformat error: no <code> or <done> block\n");
    robot.interact(() -> pane.show(run, 2));
    assertThat(pane.shownText())
        .isEqualTo("All rows are loaded.\n\ndone: fees loaded: 1000 rows\n");
    robot.interact(() -> pane.show(run, 0));
    assertThat(pane.emptyText()).isEqualTo("No turn selected");
  }
}
