package dev.airlock.ui;

import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.lakehouse.TableInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Drives the real console through the demo run and photographs it: the main window while turn 2
 * waits for approval (light and dark), the merge gate, the finished run, and the workbench around
 * it (turn record, fork, data explorer, New run, runs browser). The README's screenshots come from
 * this ({@code airlock screenshots}), not from a drawing.
 */
public final class ScreenshotTour {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private final ConsoleApp app;
  private final Path out;
  private final PrintStream log;

  public ScreenshotTour(ConsoleApp app, Path out, PrintStream log) {
    this.app = app;
    this.out = out;
    this.log = log;
  }

  /** Runs the tour on the calling thread (not the FX thread); the console must be showing. */
  public void run() throws Exception {
    ConsoleWindow w = onFx(app::window);
    approveTurn(w, 1);
    waitFor(w, q -> q instanceof PendingApproval a && a.turn() == 2, "turn 2 to wait for approval");
    Thread.sleep(700); // highlighting and layout settle
    shoot(w.scene(), "console-main.png");
    onFx(
        () -> {
          Themes.toggle(List.of(w.scene()));
          return null;
        });
    Thread.sleep(500);
    shoot(w.scene(), "console-main-dark.png");
    onFx(
        () -> {
          Themes.toggle(List.of(w.scene()));
          return null;
        });
    approveTurn(w, 2);
    PendingDecision merge = waitFor(w, q -> q instanceof PendingMerge, "the merge gate");
    Thread.sleep(900);
    Scene dialog = onFx(() -> openDialogScene());
    if (dialog != null) {
      shoot(dialog, "console-merge.png");
    }
    if (dialog != null) {
      // As the person does it: Ctrl+Enter in the gate (the answer is then the gate's own).
      onFx(
          () -> {
            Node target =
                dialog.getFocusOwner() != null ? dialog.getFocusOwner() : dialog.getRoot();
            Event.fireEvent(
                target,
                new KeyEvent(
                    KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, true, false, false));
            return null;
          });
    } else {
      ((PendingMerge) merge).approve();
    }
    waitUntil(() -> onFx(() -> w.finished()), "the run to end");
    Thread.sleep(700);
    shoot(w.scene(), "console-done.png");
    workbench(w);
  }

  /**
   * The workbench around the finished run, each opened with its key as a person would: the turn
   * record, the fork confirmation, the data explorer, New run and the runs browser.
   */
  private void workbench(ConsoleWindow w) throws Exception {
    press(w.scene(), KeyCode.I, true, false);
    Thread.sleep(700);
    shoot(w.scene(), "console-turn-record.png");
    press(w.scene(), KeyCode.ESCAPE, false, false);
    onFx(
        () -> {
          Event.fireEvent(
              w.scene().getRoot(),
              new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.LEFT, false, false, true, false));
          return null;
        });
    Thread.sleep(300);
    shootWindow(w, KeyCode.F, true, "Fork from this turn", "console-fork.png", s -> {});
    shootWindow(
        w, KeyCode.D, false, "Data explorer", "console-explorer.png", ScreenshotTour::pickPayments);
    shootWindow(w, KeyCode.N, false, "New run", "console-new-run.png", s -> {});
    shootWindow(w, KeyCode.O, false, "Open recorded run", "console-runs.png", s -> {});
  }

  /** In the explorer: the payments table, so its schema and first rows show. */
  private static void pickPayments(Scene explorer) {
    for (Node n : explorer.getRoot().lookupAll(".list-view")) {
      if (n instanceof ListView<?> list) {
        for (Object item : list.getItems()) {
          if (item instanceof TableInfo t && t.name().equals("payments")) {
            list.getSelectionModel().clearAndSelect(list.getItems().indexOf(item));
            list.requestFocus();
          }
        }
      }
    }
  }

  /** Opens a window with Ctrl(+Shift)+KEY, photographs it once it settles, closes it with Esc. */
  private void shootWindow(
      ConsoleWindow w,
      KeyCode key,
      boolean shift,
      String title,
      String name,
      Consumer<Scene> prepare)
      throws Exception {
    press(w.scene(), key, true, shift);
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    Scene opened = null;
    while (opened == null && Instant.now().isBefore(until)) {
      Thread.sleep(200);
      opened = onFx(() -> windowTitled(title));
    }
    if (opened == null) {
      log.println("no window titled '" + title + "' opened: " + name + " skipped");
      return;
    }
    Thread.sleep(1000); // listings, queries and layout settle
    Scene shown = opened;
    onFx(
        () -> {
          prepare.accept(shown);
          return null;
        });
    Thread.sleep(1500);
    // The explorer's rows arrive a few a frame after the query: wait for the whole page (a loaded
    // machine stretches that), or the picture shows half a table.
    Instant rows = Instant.now().plus(Duration.ofSeconds(20));
    while (!onFx(() -> rowsShown(shown)) && Instant.now().isBefore(rows)) {
      Thread.sleep(200);
    }
    shoot(opened, name);
    press(opened, KeyCode.ESCAPE, false, false);
    Thread.sleep(300);
  }

  /** Whether a window's rows are all shown: always, but in the explorer once its status says so. */
  private static boolean rowsShown(Scene scene) {
    return !(scene.getRoot().lookup(".explorer-status") instanceof Label status)
        || status.getText().contains(" shown");
  }

  private static void press(Scene scene, KeyCode key, boolean shortcut, boolean shift)
      throws Exception {
    onFx(
        () -> {
          Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          Event.fireEvent(
              target,
              new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, shift, shortcut, false, false));
          Event.fireEvent(
              target,
              new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, shift, shortcut, false, false));
          return null;
        });
  }

  private static Scene windowTitled(String title) {
    for (var window : Stage.getWindows()) {
      if (window instanceof Stage s && window.isShowing() && title.equals(s.getTitle())) {
        return s.getScene();
      }
    }
    return null;
  }

  private void approveTurn(ConsoleWindow w, int turn) throws Exception {
    PendingDecision q =
        waitFor(
            w,
            d -> d instanceof PendingApproval a && a.turn() == turn,
            "turn " + turn + " to wait for approval");
    ((PendingApproval) q).approve();
  }

  private static Scene openDialogScene() {
    for (var window : Stage.getWindows()) {
      if (window instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Merge")) {
        return s.getScene();
      }
    }
    return null;
  }

  private PendingDecision waitFor(ConsoleWindow w, Predicate<PendingDecision> wanted, String what)
      throws Exception {
    Instant until = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(until)) {
      PendingDecision q = onFx(w::waiting);
      if (q != null && q.isOpen() && wanted.test(q)) {
        return q;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("gave up waiting for " + what);
  }

  private static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
    Instant until = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(until)) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("gave up waiting for " + what);
  }

  private void shoot(Scene scene, String name) throws Exception {
    BufferedImage image = onFx(() -> Snapshots.render(scene));
    Path file = out.resolve(name);
    try {
      Snapshots.write(image, file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
    log.println("wrote " + file);
  }

  static <T> T onFx(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }
}
