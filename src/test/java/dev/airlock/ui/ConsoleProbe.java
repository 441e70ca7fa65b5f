package dev.airlock.ui;

import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.session.RunSession;
import dev.airlock.ui.code.CodePane;
import dev.airlock.ui.output.OutputPane;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a person sees of the running console, read on the FX thread: the title, the timeline, the
 * text of the code and output panes, the runs list, the merge gate. Every way the tests look into
 * the window is here, so that when a pane changes (the real code, output and merge views replace
 * the placeholders) only this class needs to follow.
 */
final class ConsoleProbe {
  /** Generous: two shared cores, a JVM warming up, bubblewrap and Python per turn. */
  static final long PATIENCE_SECONDS = 120;

  private final ConsoleApp app;
  private final FxRobot robot = new ShortPressRobot();

  private ConsoleProbe(ConsoleApp app) {
    this.app = app;
  }

  /** Starts the real console application on TestFX's primary stage with {@code start}. */
  static ConsoleProbe open(ConsoleStart start) throws Exception {
    ConsoleProbe probe = openBehindADialog(start);
    probe.focus(probe.stage());
    return probe;
  }

  /** Starts the console as {@link #open} does, leaving the keyboard to a dialog it opens. */
  static ConsoleProbe openBehindADialog(ConsoleStart start) throws Exception {
    FxToolkit.registerPrimaryStage();
    ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(start));
    // The window is built right after its opening frame.
    app.built().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    return new ConsoleProbe(app);
  }

  /**
   * Closes the application as TestFX does (its {@code stop}: runs are stopped and closed in the
   * background) and waits until every run has let go of its sandbox, lakehouse and transcript.
   */
  void close() throws Exception {
    List<RunSession> sessions = fx(() -> app.window().sessions());
    FxToolkit.cleanupApplication(app);
    for (RunSession s : sessions) {
      try {
        s.outcome().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // How the run ended is the test's business; closing only waits for it to end.
      }
    }
    // What one test leaves must not reach the next (all run in one JVM): its dialogs, which
    // outlive the application because TestFX keeps the primary stage, and the look, which is
    // the toolkit's (a test failing between two Ctrl+Shift+D would leave the next one dark).
    FxToolkit.cleanupStages();
    fx(
        () -> {
          Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of());
          return null;
        });
  }

  // ---- what the window shows ----------------------------------------------------------------

  Stage stage() throws Exception {
    return fx(() -> (Stage) app.window().scene().getWindow());
  }

  String title() throws Exception {
    return fx(() -> stage().getTitle());
  }

  /** The rows of the turn timeline ({@code .turn-list}), as its cells render them. */
  List<TurnRow> timeline() throws Exception {
    return fx(
        () -> {
          ListView<?> list = (ListView<?>) app.window().scene().lookup(".turn-list");
          List<TurnRow> rows = new ArrayList<>();
          list.getItems().forEach(item -> rows.add((TurnRow) item));
          return rows;
        });
  }

  /** The state the timeline shows for {@code turn}, or null when it has no row. */
  TurnRow.State state(int turn) throws Exception {
    return timeline().stream()
        .filter(r -> r.turn() == turn)
        .map(TurnRow::state)
        .findFirst()
        .orElse(null);
  }

  /** The text in the code pane (the edit, while there is one). */
  String code() throws Exception {
    return fx(() -> find(app.window().scene().getRoot(), CodePane.class).text());
  }

  /** Whether the code pane holds an edit of the agent's code. */
  boolean codeEdited() throws Exception {
    return fx(() -> find(app.window().scene().getRoot(), CodePane.class).edited());
  }

  /** The text the output pane shows for the selected turn. */
  String output() throws Exception {
    return fx(() -> find(app.window().scene().getRoot(), OutputPane.class).shownText());
  }

  /** The selected run's state as the runs list ({@code .run-list}) says it. */
  String runState() throws Exception {
    return fx(
        () -> {
          ListView<?> list = (ListView<?>) app.window().scene().lookup(".run-list");
          Object selected = list.getSelectionModel().getSelectedItem();
          return selected == null ? null : ((RunEntry) selected).state();
        });
  }

  /** The open question of the selected run, or null. */
  PendingDecision waiting() throws Exception {
    return fx(() -> app.window().waiting());
  }

  boolean finished() throws Exception {
    return fx(() -> app.window().finished());
  }

  /** The run the window started (the first of its runs). */
  RunSession session() throws Exception {
    return fx(() -> app.window().sessions().get(0));
  }

  /**
   * File > Export report, whose file chooser a test replaces (the native dialog cannot be driven).
   */
  ReportExport reportExport() throws Exception {
    return fx(() -> app.window().reportExport);
  }

  /** The message beside the action bar's buttons. */
  String actionMessage() throws Exception {
    return fx(() -> ((Label) app.window().scene().lookup(".action-message")).getText());
  }

  /** The merge gate when it shows: a window whose title starts with "Merge", or null. */
  Stage mergeGate() throws Exception {
    return fx(
        () -> {
          for (Window w : Window.getWindows()) {
            if (w instanceof Stage s
                && s.isShowing()
                && s.getTitle() != null
                && s.getTitle().startsWith("Merge")) {
              return s;
            }
          }
          return null;
        });
  }

  // ---- waiting for the run ------------------------------------------------------------------

  /** Waits until turn {@code turn}'s code waits for approval, and returns the question. */
  PendingApproval awaitApproval(int turn) throws Exception {
    await(
        "turn " + turn + " to wait for approval",
        () -> app.window().waiting() instanceof PendingApproval a && a.turn() == turn);
    return (PendingApproval) waiting();
  }

  /** Waits until a merge into main waits and its gate shows; returns the gate's window. */
  Stage awaitMergeGate() throws Exception {
    await("the merge gate", () -> app.window().waiting() instanceof PendingMerge);
    await("the merge gate's window", () -> mergeGate() != null);
    return mergeGate();
  }

  /** Waits (polling on the FX thread, never asserting on time) until {@code condition} holds. */
  void await(String what, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "gave up waiting for "
              + what
              + "; the window says: title '"
              + title()
              + "', timeline "
              + timeline()
              + ", run "
              + runState(),
          e);
    }
  }

  // ---- the keyboard -------------------------------------------------------------------------

  /** Gives {@code window} the keyboard, as a person does by looking at it (no click). */
  void focus(Window window) throws Exception {
    fx(
        () -> {
          if (window instanceof Stage s) {
            s.toFront();
          }
          window.requestFocus();
          return null;
        });
    robot.moveTo(window);
    await("the window to have the keyboard", window::isFocused);
  }

  FxRobot robot() {
    return robot;
  }

  // ---- the scene graph ----------------------------------------------------------------------

  /** {@code work}'s result, computed on the FX thread (at once when called from it). */
  static <T> T fx(Callable<T> work) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    return WaitForAsyncUtils.asyncFx(work).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
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
}
