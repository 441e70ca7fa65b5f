package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import dev.airlock.session.RunSummary;
import dev.airlock.transcript.Json;
import dev.airlock.ui.output.ReasoningPane;
import dev.airlock.ui.runs.DamageBanner;
import dev.airlock.ui.runs.TurnRecordView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 11, step-through and fork: a finished run recorded by the engine is opened from the runs
 * browser, stepped through with the keyboard (panes and turn record at turns 1 and 2), and forked
 * from turn 2 into a new live run on the renamed branch; the browser lists newest first and
 * filters; a truncated transcript opens with a banner saying where it stops.
 */
class ConsoleReplayForkTest {
  @TempDir Path dir;
  private ConsoleProbe console;

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  private static final String STEP =
      "<reasoning>load %1$s first</reasoning><code>\nimport bauplan\nc = bauplan.Client()\n"
          + "b = '{{branch}}'\nc.create_branch(b, from_ref='main', if_not_exists=True)\n"
          + "c.create_table(table='%1$s', search_uri='/raw/%1$s.parquet', branch=b,"
          + " replace=True)\n"
          + "c.import_data(table='%1$s', search_uri='/raw/%1$s.parquet', branch=b)\n"
          + "print('%1$s loaded')\n</code>";

  private String script(String name, String... responses) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, Json.mapper().writeValueAsString(List.of(responses)));
    return "scripted:" + file;
  }

  @Test
  void aFinishedRunIsSteppedThroughByKeyboardAndForkedFromTurnTwo() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(dir);
    Path raw = ConsoleRuns.demoRaw(dir, 60);
    RunSession source =
        launcher.open(
            RunRequest.builder(
                    script(
                        "source",
                        STEP.formatted("fees"),
                        STEP.formatted("merchant_data"),
                        "<done>two tables</done>"))
                .raw(raw.toString())
                .approval(ApprovalPolicy.AUTO)
                .merge(MergePolicy.NEVER)
                .build(),
            line -> {});
    source.start();
    assertThat(source.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS).status())
        .isEqualTo(RunStatus.DONE);
    source.close();
    String runId = source.runId();
    String sourceBranch = source.branch();
    byte[] transcriptBefore = Files.readAllBytes(source.transcript());

    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    FxRobot robot = console.robot();
    openFromBrowser(runId);
    console.await("the recorded run", () -> runs().size() == 1 && console.finished());
    assertThat(console.title()).contains(runId, "recorded");

    // The newest turn (3, the done claim) is selected; back to turn 1 with the keyboard.
    key(KeyCode.ALT, KeyCode.LEFT);
    key(KeyCode.ALT, KeyCode.LEFT);
    console.await("turn 1", () -> reasoning().contains("load fees first"));
    assertThat(console.code()).contains("table='fees'").doesNotContain("merchant_data");
    assertThat(console.output()).contains("fees loaded");

    key(KeyCode.CONTROL, KeyCode.I);
    console.await("the turn record", () -> record().isVisible());
    String one = ConsoleProbe.fx(() -> record().shownText());
    assertThat(one)
        .contains(
            "MODEL REQUEST  ·  2 messages",
            "[1] system",
            "[2] user",
            "RAW RESPONSE",
            "<reasoning>load fees first</reasoning>",
            "PARSED  ·  proposal",
            "DECISION  ·  approve",
            "EXECUTION  ·  ok",
            "LAKEHOUSE CALLS",
            "DATA EFFECTS",
            sourceBranch);

    key(KeyCode.ALT, KeyCode.RIGHT);
    console.await("turn 2's record", () -> record().shownText().contains("load merchant_data"));
    String two = ConsoleProbe.fx(() -> record().shownText());
    // Turn 2 was sent turn 1's answer and what its code printed.
    assertThat(two)
        .contains(
            "MODEL REQUEST  ·  4 messages", "[3] assistant", "fees loaded", "PARSED  ·  proposal");
    key(KeyCode.ESCAPE);
    console.await("the record to close", () -> !record().isVisible());
    assertThat(reasoning()).contains("load merchant_data first");
    assertThat(console.code()).contains("table='merchant_data'");
    assertThat(console.output()).contains("merchant_data loaded");

    // Opening it again selects it: never twice.
    openFromBrowser(runId);
    assertThat(runs()).hasSize(1);

    // Fork from turn 2: the confirmation names the run, the turn and the branch to recreate.
    key(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
    console.await("the fork dialog", () -> window("Fork from this turn") != null);
    Stage fork = ConsoleProbe.fx(() -> window("Fork from this turn"));
    assertThat(texts(fork.getScene().getRoot()))
        .contains("Fork run " + runId + " after turn 2")
        .contains(sourceBranch + "  →  " + sourceBranch + "_fork_<new run id>");
    String next =
        script(
            "forked",
            "<reasoning>look</reasoning><code>\nimport bauplan\nc = bauplan.Client()\n"
                + "print(sorted(t.name for t in c.get_tables(ref='{{branch}}')))\n</code>",
            "<done>forked</done>");
    ConsoleProbe.fx(
        () -> {
          TextField model = (TextField) fork.getScene().lookup(".text-field");
          model.setText(next);
          return null;
        });
    console.focus(fork);
    key(KeyCode.ENTER);

    console.awaitApproval(3);
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    console.await("the fork to finish", () -> console.finished());
    RunSession forked = console.session();
    RunEvent.RunStarted started = forked.started();
    String renamed = sourceBranch + "_fork_" + forked.runId().replace('-', '_');
    assertThat(started.forkedFrom()).isEqualTo(runId + "@2");
    assertThat(started.settings()).containsEntry("fork_branch:" + sourceBranch, renamed);
    assertThat(started.branch()).isEqualTo(renamed);
    // Turn 3, the fork's first, read the tables of the renamed branch: the data after turn 2.
    assertThat(console.timeline()).extracting(TurnRow::turn).containsExactly(3, 4);
    key(KeyCode.ALT, KeyCode.LEFT);
    console.await("turn 3's output", () -> console.output().contains("['fees', 'merchant_data']"));
    assertThat(texts(console.stage().getScene().getRoot()))
        .contains("branch: " + renamed)
        .contains("forked from " + runId + " @ 2");
    assertThat(runs()).hasSize(2);
    assertThat(Files.readAllBytes(source.transcript())).isEqualTo(transcriptBefore);
  }

  @Test
  void theBrowserListsNewestFirstAndFiltersAndATruncatedTranscriptOpensWithABanner()
      throws Exception {
    Launcher launcher = ConsoleRuns.launcher(dir);
    Path runs = Files.createDirectories(launcher.paths().runs());
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    transcript(runs, "20261120-100000-aa", t0, "openai:gpt-4o", 2, true, "");
    transcript(runs, "20261122-100000-bb", t0.plusSeconds(2 * 86400), "demo", 1, true, "");
    transcript(
        runs,
        "20261121-100000-cc",
        t0.plusSeconds(86400),
        "anthropic:claude",
        2,
        false,
        "{\"type\":\"execution_finished\",\"turn\":3,\"at\":\"2026-11-2");

    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    key(KeyCode.CONTROL, KeyCode.O);
    console.await("the runs browser", () -> browserRows() != null && browserRows().size() == 3);
    assertThat(browserRows())
        .extracting(RunSummary::runId)
        .containsExactly("20261122-100000-bb", "20261121-100000-cc", "20261120-100000-aa");
    type("gpt");
    console.await("the filter", () -> browserRows().size() == 1);
    assertThat(browserRows().get(0).runId()).isEqualTo("20261120-100000-aa");
    key(KeyCode.ESCAPE);
    console.await("the browser to close", () -> window("Open recorded run") == null);

    console.focus(console.stage());
    openFromBrowser("claude");
    console.await("the truncated run", () -> runs().size() == 1);
    console.await("its banner", () -> banner() != null);
    assertThat(banner())
        .startsWith(
            "Damaged transcript: shown up to its last good event, model responded of turn 2")
        .contains("no end record", "Its last line is cut short");
    assertThat(console.timeline()).extracting(TurnRow::turn).containsExactly(1, 2);
  }

  @Test
  void aTranscriptNamedAfterAnotherRunIsNotForkedAsThatRun() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(dir);
    Path runs = Files.createDirectories(launcher.paths().runs());
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    // The file says it is run "...-aa"; the fork finds runs by that name (aa.jsonl), which would
    // be another run's transcript, not the one shown.
    transcript(runs, "20261120-100000-aa", t0, "openai:gpt-4o", 2, true, "");
    Files.move(runs.resolve("20261120-100000-aa.jsonl"), runs.resolve("impostor.jsonl"));

    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    openFromBrowser("gpt-4o");
    console.await("the run", () -> runs().size() == 1);
    key(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
    console.await("the refusal", () -> console.actionMessage().contains("impostor.jsonl"));
    assertThat(console.actionMessage())
        .contains("says it is run 20261120-100000-aa", "rename the file");
    assertThat(ConsoleProbe.fx(() -> window("Fork from this turn"))).isNull();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * Presses and releases {@code combo} in the focused window, through the scene's whole key
   * handling (filters, the focused control, the menu's accelerators). Events are fired rather than
   * sent through the display: on a loaded machine a robot's key stays down past the auto-repeat
   * delay, and stepping through turns must move exactly one turn a press.
   */
  private void key(KeyCode... combo) throws Exception {
    List<KeyCode> keys = List.of(combo);
    KeyCode main = keys.get(keys.size() - 1);
    boolean shift = keys.contains(KeyCode.SHIFT);
    boolean ctrl = keys.contains(KeyCode.CONTROL);
    boolean alt = keys.contains(KeyCode.ALT);
    ConsoleProbe.fx(
        () -> {
          Node target = focusedTarget();
          Event.fireEvent(
              target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", main, shift, ctrl, alt, false));
          Event.fireEvent(
              focusedTarget(),
              new KeyEvent(KeyEvent.KEY_RELEASED, "", "", main, shift, ctrl, alt, false));
          return null;
        });
  }

  /** Types {@code text} into the focused control, a character at a time. */
  private void type(String text) throws Exception {
    for (char c : text.toCharArray()) {
      ConsoleProbe.fx(
          () -> {
            Event.fireEvent(
                focusedTarget(),
                new KeyEvent(
                    KeyEvent.KEY_TYPED,
                    String.valueOf(c),
                    "",
                    KeyCode.UNDEFINED,
                    false,
                    false,
                    false,
                    false));
            return null;
          });
    }
  }

  /** The focus owner of the focused window (the topmost showing one when none has focus). */
  private static Node focusedTarget() {
    Window chosen = null;
    for (Window w : Window.getWindows()) {
      if (w.isShowing() && (chosen == null || !chosen.isFocused())) {
        chosen = w; // the focused one, else the newest shown
      }
    }
    Node owner = chosen.getScene().getFocusOwner();
    return owner != null ? owner : chosen.getScene().getRoot();
  }

  /** Ctrl+O, types {@code filter}, Enter once the browser lists the match. */
  private void openFromBrowser(String filter) throws Exception {
    console.focus(console.stage());
    key(KeyCode.CONTROL, KeyCode.O);
    console.await("the runs browser", () -> window("Open recorded run") != null);
    console.focus(ConsoleProbe.fx(() -> window("Open recorded run")));
    type(filter);
    console.await(
        "the browser to list " + filter, () -> browserRows() != null && browserRows().size() == 1);
    key(KeyCode.ENTER);
    console.await("the browser to close", () -> window("Open recorded run") == null);
    console.focus(console.stage());
  }

  private static Stage window(String title) {
    for (Window w : Window.getWindows()) {
      if (w instanceof Stage s && s.isShowing() && title.equals(s.getTitle())) {
        return s;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<RunSummary> browserRows() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          Stage s = window("Open recorded run");
          return s == null
              ? null
              : List.copyOf(
                  ((TableView<RunSummary>) s.getScene().lookup(".runs-table")).getItems());
        });
  }

  private List<?> runs() throws Exception {
    return ConsoleProbe.fx(
        () -> List.copyOf(((ListView<?>) root().lookup(".run-list")).getItems()));
  }

  private Parent root() throws Exception {
    return console.stage().getScene().getRoot();
  }

  private String reasoning() throws Exception {
    return ConsoleProbe.fx(() -> find(root(), ReasoningPane.class).shownText());
  }

  private TurnRecordView record() throws Exception {
    return ConsoleProbe.fx(() -> find(root(), TurnRecordView.class));
  }

  private String banner() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          DamageBanner b = find(root(), DamageBanner.class);
          return b.isVisible() ? b.getText() : null;
        });
  }

  /** Every label's text under {@code root}, joined by new lines. */
  private static String texts(Parent root) throws Exception {
    return ConsoleProbe.fx(
        () -> {
          StringBuilder s = new StringBuilder();
          collect(root, s);
          return s.toString();
        });
  }

  private static void collect(Node node, StringBuilder s) {
    if (node instanceof Label l && l.isVisible()) {
      s.append(l.getText()).append('\n');
    }
    if (node instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, s));
    }
  }

  private static <T> T find(Node root, Class<T> type) {
    if (type.isInstance(root)) {
      return type.cast(root);
    }
    if (root instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        T found = find(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A transcript of {@code turns} answered turns, ended or not, then {@code tail}. */
  private static void transcript(
      Path runs, String id, Instant at, String model, int turns, boolean ended, String tail)
      throws Exception {
    List<RunEvent> events = new ArrayList<>();
    events.add(
        new RunEvent.RunStarted(
            0,
            at,
            RunEvent.FORMAT,
            id,
            model,
            "bwrap",
            true,
            "ask",
            8,
            "file:///raw",
            "me." + id,
            null,
            Map.of()));
    for (int t = 1; t <= turns; t++) {
      events.add(new RunEvent.ModelRequested(t, at, model, List.of(ChatMessage.user("go " + t))));
      events.add(
          new RunEvent.ModelResponded(
              t,
              at.plusSeconds(t),
              "<done>" + t + "</done>",
              new Usage(10, 2),
              0.01,
              5,
              1,
              "stop"));
    }
    if (ended) {
      events.add(
          new RunEvent.RunFinished(
              0, at.plusSeconds(60), RunStatus.DONE, "done", turns, Usage.NONE, 0.02, null, "ok"));
    }
    StringBuilder s = new StringBuilder();
    for (RunEvent e : events) {
      s.append(Json.mapper().writeValueAsString(e)).append('\n');
    }
    Files.writeString(runs.resolve(id + ".jsonl"), s + tail);
  }
}
