package dev.airlock.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.airlock.agent.Decision;
import dev.airlock.agent.Hashes;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.agent.UnifiedDiff;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code pane in a real window, fed with the records a run emits, driven by keyboard and mouse.
 */
@ExtendWith(ApplicationExtension.class)
class CodePaneTest {
  static final Instant AT = Instant.parse("2026-11-28T05:00:00Z");
  static final String CODE =
      """
      import bauplan

      client = bauplan.Client()
      limit = 10
      rows = client.query("SELECT * FROM fees", ref="airlock/run-1")
      print(len(rows), limit)
      """;
  static final String RISKY =
      """
      import subprocess
      import requests
      import bauplan

      client = bauplan.Client()
      subprocess.run(["ls", "/"])
      requests.get("https://example.com/fees.csv")
      client.merge_branch("airlock/run-1", into_branch="main")
      """;

  private static final ExecutorService BACKGROUND =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "code-pane-test-background");
            t.setDaemon(true);
            return t;
          });

  private CodePane pane;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    pane = new CodePane(BACKGROUND);
    Scene scene = new Scene(pane, 720, 520);
    scene
        .getStylesheets()
        .add(CodePane.class.getResource("/dev/airlock/ui/styles/light.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @AfterAll
  static void stopBackground() {
    BACKGROUND.shutdownNow();
  }

  @Test
  void showsTheProposalReadOnlyUntilEditableThenTypingEditsItAndTheDiffShowsTheEdit(FxRobot robot)
      throws Exception {
    RunProjection run = run(parsed(1, CODE), asked(1, CODE));
    robot.interact(() -> pane.show(run, 1));
    assertThat(fx(pane::text)).isEqualTo(CODE);
    assertThat(fx(() -> modeLabel(robot).getText())).isEqualTo("read-only");

    robot.clickOn(pane.area()).type(KeyCode.END).write("zz");
    assertThat(fx(pane::text)).isEqualTo(CODE);
    assertThat(fx(pane::edited)).isFalse();
    assertThat(fx(() -> diffToggle(robot).isDisabled())).isTrue();

    robot.interact(() -> pane.setEditable(true));
    assertThat(fx(() -> modeLabel(robot).getText())).isEqualTo("editing");
    robot.interact(pane::focusEditor);
    robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
    robot.write("print('checked')");
    assertThat(fx(pane::text)).isEqualTo(CODE + "print('checked')");
    assertThat(fx(pane::edited)).isTrue();
    assertThat(fx(pane::proposal)).isEqualTo(CODE);

    robot.interact(() -> pane.area().replaceText(pane.text().replace("limit = 10", "limit = 5")));
    robot.clickOn(diffToggle(robot));
    CodeArea diff = diffArea(robot);
    assertThat(fx(() -> shown(diff) && !shown(pane.area()))).isTrue();
    String diffText = fx(diff::getText);
    assertThat(diffText).contains("\n-limit = 10\n", "\n+limit = 5\n", "\n+print('checked')");
    int removed = List.of(diffText.split("\n")).indexOf("-limit = 10");
    int added = List.of(diffText.split("\n")).indexOf("+limit = 5");
    assertThat(fx(() -> diff.getParagraph(removed).getParagraphStyle())).contains("diff-removed");
    assertThat(fx(() -> diff.getParagraph(added).getParagraphStyle())).contains("diff-added");

    // Ctrl+E's target: back to the code, with the edit intact.
    robot.interact(pane::focusEditor);
    assertThat(fx(() -> shown(pane.area()) && pane.area().isFocused())).isTrue();
    assertThat(fx(pane::text)).contains("limit = 5", "print('checked')");
  }

  @Test
  void highlightingArrivesFromTheBackground(FxRobot robot) throws Exception {
    RunProjection run = run(parsed(1, CODE));
    robot.interact(() -> pane.show(run, 1));
    int importAt = CODE.indexOf("import") + 1;
    int stringAt = CODE.indexOf("\"SELECT") + 1;
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> fx(() -> styleOf(importAt).contains("py-keyword")));
    assertThat(fx(() -> styleOf(stringAt))).contains("py-string");
    assertThat(fx(() -> styleOf(CODE.indexOf("client =") + 1))).isEmpty();

    // An edit is highlighted again once typing pauses.
    robot.interact(() -> pane.setEditable(true));
    robot.interact(pane::focusEditor);
    robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
    robot.write("# done");
    int commentAt = CODE.length() + 2;
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> fx(() -> styleOf(commentAt).contains("py-comment")));
  }

  @Test
  void trojanSourceIsFlaggedOnItsLineAndThePaneHoldsExactlyTheCodeThatRuns(FxRobot robot)
      throws Exception {
    // Shown, this reads as a comparison with 'user' and a comment; run, it compares with a string
    // that holds the rest of the line (CVE-2021-42574). A form feed and a U+2028 come first: they
    // do not end a line in Python, nor in the pane, so the flagged line is the one marked.
    String trojan =
        "access_level = 'user'\f\u2028\n"
            + "if access_level != 'none\u202e\u2066': # Check if admin \u2069\u2066' and"
            + " access_level != 'user':\n"
            + "    print('You are an admin.')\n";
    RunProjection run = run(parsed(1, trojan), asked(1, trojan));
    robot.interact(() -> pane.show(run, 1));
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> fx(() -> badges(robot).contains("hidden-characters")));
    assertThat(fx(() -> badges(robot)).get(0)).isEqualTo("hidden-characters");
    String tip =
        fx(
            () ->
                robot.lookup(".risk-badge").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().equals("hidden-characters"))
                    .findFirst()
                    .orElseThrow()
                    .getTooltip()
                    .getText());
    assertThat(tip).contains("line 2: contains U+202E at column 25", "'none<U+202E><U+2066>'");
    assertThat(fx(() -> pane.area().getParagraph(1).getParagraphStyle()))
        .contains("risk-line", "danger");
    assertThat(fx(() -> pane.text())).isEqualTo(trojan);
  }

  @Test
  void risksShowAsBadgesAndMarkedLinesAndFollowEdits(FxRobot robot) throws Exception {
    RunProjection run = run(parsed(1, RISKY), asked(1, RISKY));
    robot.interact(() -> pane.show(run, 1));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> badges(robot).size() == 3));
    assertThat(fx(() -> badges(robot))).containsExactly("merge-into-main", "subprocess", "network");
    Map<String, String> tips =
        fx(
            () ->
                robot.lookup(".risk-badge").queryAllAs(Label.class).stream()
                    .collect(Collectors.toMap(Label::getText, l -> l.getTooltip().getText())));
    assertThat(tips.get("subprocess")).contains("line 1: starts another process", "line 6:");
    assertThat(tips.get("merge-into-main")).contains("line 8: merges into main");
    assertThat(fx(() -> pane.area().getParagraph(7).getParagraphStyle()))
        .contains("risk-line", "danger");
    assertThat(fx(() -> pane.area().getParagraph(5).getParagraphStyle()))
        .contains("risk-line", "warning");
    assertThat(fx(() -> pane.area().getParagraph(2).getParagraphStyle())).isEmpty();

    robot.interact(() -> pane.setEditable(true));
    String safer =
        RISKY.replace("import subprocess\n", "").replace("subprocess.run([\"ls\", \"/\"])\n", "");
    robot.interact(() -> pane.area().replaceText(safer));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> badges(robot).size() == 2));
    assertThat(fx(() -> badges(robot))).containsExactly("merge-into-main", "network");
    assertThat(fx(() -> pane.area().getParagraph(5).getParagraphStyle()))
        .contains("risk-line", "danger");
  }

  @Test
  void anEditSurvivesEventsOfItsTurnAndTheDecisionShowsWhatRan(FxRobot robot) throws Exception {
    RunProjection run = run(parsed(1, CODE), parsed(2, RISKY));
    String edited = CODE.replace("limit = 10", "limit = 25");
    robot.interact(() -> pane.show(run, 1));
    robot.interact(() -> pane.setEditable(true));
    robot.interact(() -> pane.area().replaceText(edited));

    // A look at another turn and back keeps the edit.
    robot.interact(() -> pane.show(run, 2));
    assertThat(fx(pane::text)).isEqualTo(RISKY);
    robot.interact(() -> pane.show(run, 1));
    assertThat(fx(pane::text)).isEqualTo(edited);

    // The approval request of the same proposal arrives: the edit stays.
    RunEvent ask = asked(1, CODE);
    run.apply(ask);
    robot.interact(() -> pane.update(run, List.of(ask)));
    assertThat(fx(pane::text)).isEqualTo(edited);
    assertThat(fx(pane::edited)).isTrue();

    // Approved as edited: the pane shows what ran, read-only, and the diff against the agent.
    RunEvent decided =
        new RunEvent.Decided(
            1,
            AT,
            Decision.Verdict.APPROVE_EDITED,
            "human:tester",
            CODE,
            edited,
            Hashes.sha256(edited),
            UnifiedDiff.between(CODE, edited, "agent", "edited"),
            null);
    run.apply(decided);
    robot.interact(
        () -> {
          pane.setEditable(false);
          pane.update(run, List.of(decided));
        });
    assertThat(fx(pane::text)).isEqualTo(edited);
    assertThat(fx(() -> modeLabel(robot).getText())).isEqualTo("read-only, edited");
    assertThat(fx(() -> diffToggle(robot).isDisabled())).isFalse();
    robot.clickOn(diffToggle(robot));
    CodeArea shownDiff = diffArea(robot);
    assertThat(fx(() -> shownDiff.getText())).contains("-limit = 10", "+limit = 25");

    // A fresh show of the decided turn shows what ran too.
    robot.interact(() -> pane.show(run, 1));
    assertThat(fx(pane::text)).isEqualTo(edited);
  }

  @Test
  void saysWhyATurnHasNoCode(FxRobot robot) throws Exception {
    RunEvent done =
        new RunEvent.ResponseParsed(
            2, AT, ParsedResponse.Kind.DONE, "all loaded", List.of(), null, "fees loaded", null);
    RunProjection run = run(parsed(1, RISKY), done);
    robot.interact(() -> pane.show(run, 1));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !badges(robot).isEmpty()));

    robot.interact(() -> pane.show(run, 2));
    Label empty = robot.lookup(".code-empty").queryAs(Label.class);
    assertThat(fx(() -> shown(empty) && !shown(pane.area()))).isTrue();
    assertThat(fx(empty::getText)).isEqualTo(TurnCode.DONE);
    assertThat(fx(() -> badges(robot))).isEmpty();
    assertThat(fx(() -> modeLabel(robot).isVisible())).isFalse();

    // Windows line endings from the model: untouched code is not an edit.
    RunProjection crlf = run(asked(1, "import bauplan\r\nprint(1)\r\n"));
    robot.interact(() -> pane.show(crlf, 1));
    assertThat(fx(pane::edited)).isFalse();
    assertThat(fx(pane::text)).isEqualTo("import bauplan\nprint(1)\n");

    robot.interact(() -> pane.show(run, 3));
    assertThat(fx(empty::getText)).isEqualTo("The model has not proposed code for this turn yet");
    robot.interact(() -> pane.setEditable(true));
    assertThat(fx(() -> pane.area().isEditable())).isFalse();

    // The proposal arrives while the turn is shown: the code replaces the empty state.
    RunEvent proposed = parsed(3, CODE);
    run.apply(proposed);
    robot.interact(() -> pane.update(run, List.of(proposed)));
    assertThat(fx(() -> shown(pane.area()) && !shown(empty))).isTrue();
    assertThat(fx(pane::text)).isEqualTo(CODE);
    assertThat(fx(() -> pane.area().isEditable())).isTrue();
  }

  static RunProjection run(RunEvent... events) {
    RunProjection run = new RunProjection();
    run.apply(
        new RunEvent.RunStarted(
            0,
            AT,
            RunEvent.FORMAT,
            "run-1",
            "demo model (scripted)",
            "local",
            true,
            "ask",
            8,
            "file:///raw",
            "airlock/run-1",
            null,
            Map.of()));
    for (RunEvent e : events) {
      run.apply(e);
    }
    return run;
  }

  static RunEvent parsed(int turn, String code) {
    return new RunEvent.ResponseParsed(
        turn,
        AT,
        ParsedResponse.Kind.PROPOSAL,
        "I will load the rows",
        List.of(),
        code,
        null,
        null);
  }

  static RunEvent asked(int turn, String code) {
    return new RunEvent.ApprovalRequested(
        turn, AT, "ask", code, Hashes.sha256(code), new RiskDetector().scan(code));
  }

  private Collection<String> styleOf(int index) {
    return pane.area().getStyleOfChar(index);
  }

  private static List<String> badges(FxRobot robot) {
    return robot.lookup(".risk-badge").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  private static Label modeLabel(FxRobot robot) {
    return robot.lookup(".code-mode").queryAs(Label.class);
  }

  private static ToggleButton diffToggle(FxRobot robot) {
    return robot.lookup(".diff-toggle").queryAs(ToggleButton.class);
  }

  private static CodeArea diffArea(FxRobot robot) {
    Node node = robot.lookup(".diff-area").query();
    return (CodeArea) node;
  }

  /** The node and all its ancestors are visible. */
  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  static <T> T fx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
  }
}
