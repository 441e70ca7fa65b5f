package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The person acts while the run is still starting (the launcher works in the background): Ctrl+.
 * then must keep the run from doing anything, and a window closed then must hand the run over to be
 * released rather than attach and start it afterwards. The launch is held at a gate so that the key
 * lands while the run is starting, whatever the machine's speed.
 */
class ConsoleStartingTest {
  @TempDir Path tmp;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch gate = new CountDownLatch(1);
  private volatile boolean holding;
  private Launcher launcher;
  private RunRequest request;
  private Stage stage;
  private ConsoleWindow window;

  /** Runs tasks on the pool; a task handed over while {@link #holding} waits for the gate. */
  private final Executor background =
      task -> {
        boolean held = holding;
        pool.execute(
            () -> {
              if (held) {
                try {
                  gate.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
              task.run();
            });
      };

  @BeforeEach
  void openTheWindow() throws Exception {
    String model =
        ConsoleRuns.script(
            tmp, List.of(ConsoleRuns.code("print(\"must never run\")"), "<done>done</done>"));
    Path raw = Files.createDirectories(tmp.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    launcher = ConsoleRuns.launcher(tmp);
    request = RunRequest.builder(model).raw(raw.toString()).maxTurns(2).build();
    FxToolkit.registerPrimaryStage();
    stage =
        ConsoleProbe.fx(
            () -> {
              Stage s = new Stage();
              window = new ConsoleWindow(s, launcher, background, pool);
              s.show();
              return s;
            });
    ConsoleProbe.fx(
        () -> {
          stage.toFront();
          stage.requestFocus();
          return null;
        });
    new FxRobot().moveTo(stage);
    WaitForAsyncUtils.waitFor(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS, stage::isFocused);
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    gate.countDown();
    List<CompletableFuture<RunSession>> launched =
        ConsoleProbe.fx(
            () -> {
              stage.hide();
              return window.close();
            });
    for (CompletableFuture<RunSession> l : launched) {
      RunSession s = l.get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
      if (s != null) {
        s.stop("the test is over");
        s.close();
      }
    }
    pool.shutdownNow();
  }

  @Test
  void ctrlPeriodWhileTheRunStartsEndsItStoppedBeforeAnyModelCall() throws Exception {
    ConsoleProbe.fx(
        () -> {
          holding = true;
          window.open(request);
          holding = false;
          return null;
        });
    assertThat(state()).isEqualTo("starting");

    new ShortPressRobot().push(KeyCode.CONTROL, KeyCode.PERIOD);
    gate.countDown();

    WaitForAsyncUtils.waitFor(
        ConsoleProbe.PATIENCE_SECONDS,
        TimeUnit.SECONDS,
        () -> ConsoleProbe.fx(() -> window.finished() || window.waiting() != null));
    assertThat(ConsoleProbe.fx(() -> window.waiting())).as("a question after Ctrl+.").isNull();
    RunSession session = ConsoleProbe.fx(() -> window.sessions().get(0));
    RunOutcome outcome = session.outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED);
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.turns()).as("turns of a run stopped while it started").isEmpty();
    assertThat(history.finished().reason()).contains("while it was starting");
    WaitForAsyncUtils.waitFor(
        ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> "stopped".equals(state()));
  }

  @Test
  void aWindowClosedWhileTheRunStartsHandsTheRunOverAndNeverStartsIt() throws Exception {
    ConsoleProbe.fx(
        () -> {
          holding = true;
          window.open(request);
          holding = false;
          return null;
        });
    List<CompletableFuture<RunSession>> launched = ConsoleProbe.fx(() -> window.close());
    assertThat(launched).as("runs handed to the closer").hasSize(1);
    gate.countDown();

    RunSession session = launched.get(0).get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(session).isNotNull();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ConsoleProbe.fx(() -> window.sessions()))
        .as("runs attached after closing")
        .isEmpty();
    // As the console's closer does: a run that never started is released, nothing recorded.
    session.stop("the console was closed");
    session.close();
    assertThat(session.outcome()).isCancelled();
    assertThat(Files.exists(session.transcript()))
        .as("a transcript of a run never started")
        .isFalse();
  }

  private String state() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          ListView<?> list = (ListView<?>) window.scene().lookup(".run-list");
          Object selected = list.getSelectionModel().getSelectedItem();
          return selected == null ? null : ((RunEntry) selected).state();
        });
  }
}
