package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class OutputPaneTest {
  private OutputPane pane;

  @Start
  void start(Stage stage) {
    pane = new OutputPane();
    stage.setScene(new Scene(pane, 700, 500));
    stage.show();
  }

  /** Folds {@code batch} into {@code run} and hands it to the pane, as the window does. */
  private void deliver(FxRobot robot, RunProjection run, List<RunEvent> batch) {
    robot.interact(
        () -> {
          run.applyAll(batch);
          pane.update(run, batch);
        });
  }

  private static int lineContaining(List<OutputLine> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line contains " + text + " in " + lines);
  }

  private String styleOfLine(String text) {
    return pane.lines().get(lineContaining(pane.lines(), text)).styleClass();
  }

  /** The stream of the cell on screen that shows {@code text}: its pseudo-classes. */
  private List<String> styleOfCell(FxRobot robot, String text) {
    List<String> styles = new ArrayList<>();
    robot.interact(
        () -> {
          for (Node n : pane.lookupAll(".output-line")) {
            ListCell<?> cell = (ListCell<?>) n;
            if (cell.isVisible() && cell.getText() != null && cell.getText().contains(text)) {
              cell.getPseudoClassStates().forEach(p -> styles.add(p.getPseudoClassName()));
              return;
            }
          }
          throw new AssertionError("no cell on screen shows " + text);
        });
    return styles;
  }

  @Test
  void streamedStderrIsStyledApartFromStdout(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    assertThat(pane.emptyText()).isEqualTo("Not run yet");

    deliver(
        robot,
        run,
        List.of(
            t.started(1),
            t.out(1, "loading 2 files\nfees.csv: 1000 ro"),
            t.out(1, "ws\n"),
            t.err(1, "Traceback (most recent call last):\nKeyError: 'fee_type'\n"),
            t.out(1, "done loading\n")));

    assertThat(pane.emptyText()).isNull();
    assertThat(pane.statusText()).isEqualTo("running (timeout 300 s) in bubblewrap");
    assertThat(pane.shownText())
        .isEqualTo(
            "loading 2 files\nfees.csv: 1000 rows\nTraceback (most recent call last):\n"
                + "KeyError: 'fee_type'\ndone loading\n");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(styleOfCell(robot, "KeyError"))
        .contains(OutputLog.STDERR)
        .doesNotContain(OutputLog.STDOUT);
    assertThat(styleOfCell(robot, "Traceback")).contains(OutputLog.STDERR);
    assertThat(styleOfCell(robot, "fees.csv"))
        .contains(OutputLog.STDOUT)
        .doesNotContain(OutputLog.STDERR);
    assertThat(styleOfLine("done loading")).isEqualTo(OutputLog.STDOUT);

    deliver(
        robot,
        run,
        List.of(
            t.finished(
                1,
                "ERROR",
                1,
                "loading 2 files\nfees.csv: 1000 rows\ndone loading\n",
                "Traceback (most recent call last):\nKeyError: 'fee_type'\n",
                0)));
    assertThat(pane.statusText()).isEqualTo("error (exit 1) in 1.23 s");
    assertThat(pane.shownText()).contains("KeyError: 'fee_type'");
    assertThat(factTexts()).contains("error: the code exited with status 1");
  }

  @Test
  void aFinishedTurnShowsItsOutputCutMarkerEffectsAndCalls(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    t.add(t.started(1))
        .add(t.call(1, "import_data", "fees", true))
        .add(t.call(1, "query", "fees_v2", false))
        .add(
            t.finished(
                1, "OK", 0, "loaded 1000 rows\n", "warning: 3 rows had no fee_type\n", 52_000))
        .add(t.effects(1));
    RunProjection run = t.projection();

    robot.interact(() -> pane.show(run, 1));

    assertThat(pane.statusText()).isEqualTo("ok (exit 0) in 1.23 s");
    assertThat(pane.shownText())
        .isEqualTo(
            "loaded 1000 rows\n--- output cut: 52,000 bytes of stdout not kept ---\n"
                + "warning: 3 rows had no fee_type\n");
    assertThat(styleOfLine("output cut")).isEqualTo(OutputLog.MARKER);
    assertThat(styleOfLine("warning: 3 rows")).isEqualTo(OutputLog.STDERR);
    assertThat(factTexts())
        .containsSubsequence(
            "Data effects",
            "branch airlock/run-20261128-050000: 1a2b3c4d5e6f → c3d4e5f6a7b8, tables fees,"
                + " customers, +1,000 rows, 2 commits",
            "Lakehouse calls (2)",
            "import_data {table=fees, branch=airlock/run-20261128-050000}",
            "→ 1,000 rows · 12 ms",
            "query {table=fees_v2, branch=airlock/run-20261128-050000}",
            "→ TableNotFoundError: table fees_v2 does not exist on airlock/run-20261128-050000"
                + " · 12 ms");
    assertThat(pane.fullText()).isEqualTo("loaded 1000 rows\nwarning: 3 rows had no fee_type\n");
  }

  @Test
  void aStreamedCutIsMarkedWhenTheExecutionEnds(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    deliver(robot, run, List.of(t.started(1), t.out(1, "x".repeat(100))));
    deliver(robot, run, List.of(t.finished(1, "OK", 0, "x".repeat(100), "", 4_096)));
    assertThat(pane.shownText())
        .isEqualTo("x".repeat(100) + "\n--- output cut: 4,096 bytes of stdout not kept ---\n");
  }

  @Test
  void emptyStatesSayWhyThereIsNoOutput(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).rejected(1).proposed(2);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 0));
    assertThat(pane.emptyText()).isEqualTo("No turn selected");
    robot.interact(() -> pane.show(run, 1));
    assertThat(pane.emptyText()).isEqualTo("Rejected: not run");
    robot.interact(() -> pane.show(run, 2));
    assertThat(pane.emptyText()).isEqualTo("Not run yet");
  }

  @Test
  void aTurnShownWhileItRunsStartsFromTheLiveOutput(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    t.add(t.started(1)).add(t.out(1, "first line\n")).add(t.err(1, "second line\n"));
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    assertThat(pane.shownText()).isEqualTo("first line\nsecond line\n");
    deliver(robot, run, List.of(t.out(1, "third line\n")));
    assertThat(pane.shownText()).isEqualTo("first line\nsecond line\nthird line\n");
  }

  @Test
  void fiftyThousandStreamedLinesEndWithTheCapMarkerAndTheLastLineInView(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    deliver(robot, run, List.of(t.started(1)));
    int line = 0;
    for (int batch = 0; batch < 50; batch++) {
      List<RunEvent> events = new ArrayList<>();
      StringBuilder chunk = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        line++;
        chunk.append("line ").append(line).append(" of the load, rows so far ").append(line * 7);
        chunk.append('\n');
        if (line % 250 == 0) {
          events.add(t.out(1, chunk.toString()));
          events.add(t.err(1, "warning at line " + line + "\n"));
          chunk.setLength(0);
        }
      }
      events.add(t.out(1, chunk.toString()));
      deliver(robot, run, events);
    }
    WaitForAsyncUtils.waitForFxEvents();

    List<OutputLine> lines = pane.lines();
    int total = 50_000 + 200; // the lines and the warnings between them
    assertThat(lines.get(0).text()).isEqualTo(OutputText.hiddenLines(total - OutputPane.MAX_LINES));
    assertThat(lines.get(0).styleClass()).isEqualTo(OutputLog.MARKER);
    assertThat(lines).hasSize(OutputPane.MAX_LINES + 1);
    assertThat(lines.get(lines.size() - 1).text()).isEqualTo("warning at line 50000");
    assertThat(styleOfCell(robot, "warning at line 50000")).contains(OutputLog.STDERR);
    assertThat(pane.fullText())
        .startsWith("line 1 of the load")
        .endsWith("warning at line 50000\n");
  }

  @Test
  void aFloodInOneBatchKeepsExactlyTheNewestLinesUnderTheMarker(FxRobot robot)
      throws TimeoutException {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    deliver(robot, run, List.of(t.started(1)));
    StringBuilder flood = new StringBuilder();
    for (int line = 1; line <= 30_000; line++) {
      flood.append("line ").append(line).append('\n');
    }
    // One batch, the way a program that prints in a tight loop fills the pipe.
    deliver(robot, run, List.of(t.out(1, flood.toString()), t.err(1, "done, with warnings\n")));
    // The kept lines come into view over the next pulses.
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pane.log().drained()).get());
    WaitForAsyncUtils.waitForFxEvents();

    List<OutputLine> lines = pane.lines();
    assertThat(lines.get(0).text())
        .isEqualTo(OutputText.hiddenLines(30_001 - OutputPane.MAX_LINES));
    assertThat(lines).hasSize(OutputPane.MAX_LINES + 1);
    assertThat(lines.get(1).text()).isEqualTo("line 10002");
    assertThat(lines.get(1).styleClass()).isEqualTo(OutputLog.STDOUT);
    assertThat(lines.get(lines.size() - 2).text()).isEqualTo("line 30000");
    assertThat(lines.get(lines.size() - 1).text()).isEqualTo("done, with warnings");
    assertThat(lines.get(lines.size() - 1).styleClass()).isEqualTo(OutputLog.STDERR);
    assertThat(pane.fullText()).startsWith("line 1\nline 2\n").endsWith("done, with warnings\n");
  }

  @Test
  void aHugeLineIsCutWhereItPassesTheLimit(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    deliver(
        robot,
        run,
        List.of(t.started(1), t.out(1, "y".repeat(3_000)), t.out(1, "y".repeat(3_000) + "\nok\n")));
    String first = pane.lines().get(0).text();
    assertThat(first).startsWith("y".repeat(OutputLog.MAX_LINE) + " [line cut at 4,000 characters");
    assertThat(pane.lines().get(1).text()).isEqualTo("ok");
  }

  @Test
  void hiddenCharactersInOutputAreShownByTheirCodePointsAndCopiedAsPrinted(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    // A line that would read "all checks passed" backwards-forwards, an escape sequence, a NUL and
    // a zero-width space: each would show something other than what the program printed.
    String printed =
        "total \u202edessap skcehc lla\n\u001b[32mgreen\u001b[0m\nnul\u0000here\nzero\u200bwidth\n";
    deliver(robot, run, List.of(t.started(1), t.out(1, printed)));
    assertThat(pane.lines())
        .extracting(OutputLine::text)
        .containsExactly(
            "total <U+202E>dessap skcehc lla",
            "<U+001B>[32mgreen<U+001B>[0m",
            "nul<U+0000>here",
            "zero<U+200B>width");
    assertThat(pane.fullText()).isEqualTo(printed);
  }

  @Test
  void aFiftyMegabyteLineWithoutNewlinesShowsItsStartCut(FxRobot robot) {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    RunProjection run = t.projection();
    robot.interact(() -> pane.show(run, 1));
    String chunk = "\u202ez".repeat(1 << 20); // 2 MB of alternating overrides and letters
    List<RunEvent> batch = new ArrayList<>();
    batch.add(t.started(1));
    for (int i = 0; i < 25; i++) {
      batch.add(t.out(1, chunk));
    }
    deliver(robot, run, batch);
    assertThat(pane.lines()).hasSize(1);
    assertThat(pane.lines().get(0).text())
        .startsWith("<U+202E>z<U+202E>z")
        .endsWith("[line cut at 4,000 characters; Copy all has all of it]")
        .hasSizeLessThan(OutputLog.MAX_LINE * 10);
  }

  private List<String> factTexts() {
    return pane.facts().lookupAll(".label").stream()
        .map(n -> ((Label) n).getText())
        .collect(Collectors.toList());
  }
}
