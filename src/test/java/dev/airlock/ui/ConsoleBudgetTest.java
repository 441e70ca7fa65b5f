package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Budget;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget dialog on a live run with a one-minute time budget, on a clock the test moves: it
 * opens before the model is asked again, Enter extends to the limit typed, Ctrl+. stops the run
 * with status budget, and Esc leaves the question open for Ctrl+Enter to bring back.
 */
class ConsoleBudgetTest {
  @TempDir Path tmp;
  private ConsoleProbe probe;
  private final MovingClock clock = new MovingClock();

  /** Stands still until the test moves it: the run's time is what the test says it is. */
  static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @AfterEach
  void closeTheConsole() throws Exception {
    if (probe != null) {
      probe.close();
    }
  }

  /** Opens a run whose turn 1 took two minutes of a one-minute budget, and its budget dialog. */
  private Stage openAtTheBudget() throws Exception {
    String model =
        ConsoleRuns.script(
            tmp,
            List.of(
                ConsoleRuns.code("print(1)"),
                ConsoleRuns.code("print(2)"),
                "<done>printed</done>"));
    Path raw = Files.createDirectories(tmp.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    Launcher launcher =
        new Launcher(
            new AirlockPaths(tmp.resolve("data"), tmp.resolve("config")),
            Map.of(),
            tmp,
            ConsoleRuns.USER,
            clock);
    RunRequest request =
        RunRequest.builder(model)
            .raw(raw.toString())
            .merge(MergePolicy.NEVER)
            .budget(new Budget(null, null, Duration.ofMinutes(1)))
            .build();
    probe = ConsoleProbe.open(ConsoleStart.live(launcher, request));
    probe.awaitApproval(1);
    clock.advance(Duration.ofMinutes(2));
    probe.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    probe.await("the budget question", () -> probe.waiting() instanceof PendingBudget);
    probe.await("the budget dialog", () -> dialog() != null);
    Stage dialog = dialog();
    probe.focus(dialog);
    return dialog;
  }

  /** The budget dialog when it shows, or null. */
  private static Stage dialog() throws Exception {
    return ConsoleProbe.fx(
        () -> {
          for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && "Budget reached".equals(s.getTitle())) {
              return s;
            }
          }
          return null;
        });
  }

  private static String text(Stage dialog, String selector) throws Exception {
    return ConsoleProbe.fx(
        () -> {
          var node = dialog.getScene().lookup(selector);
          return node instanceof TextField f ? f.getText() : ((Label) node).getText();
        });
  }

  @Test
  void enterExtendsToTheLimitTypedAndTheRunGoesOn() throws Exception {
    Stage dialog = openAtTheBudget();
    assertThat(text(dialog, ".budget-heading")).isEqualTo("Time budget reached");
    assertThat(text(dialog, ".budget-used")).isEqualTo("2 min of 1 min");
    assertThat(text(dialog, "#budget-time"))
        .as("the suggestion: room for one more turn")
        .isEqualTo("4");
    assertThat(probe.title()).contains("waiting for you (budget decision)");
    if (System.getenv("AIRLOCK_SHOTS") != null) {
      Snapshots.write(
          ConsoleProbe.fx(() -> Snapshots.render(dialog.getScene())),
          Path.of(System.getenv("AIRLOCK_SHOTS"), "budget-dialog.png"));
      ConsoleProbe.fx(
          () -> {
            Themes.toggle(List.of(dialog.getScene(), probe.stage().getScene()));
            return null;
          });
      Snapshots.write(
          ConsoleProbe.fx(() -> Snapshots.render(dialog.getScene())),
          Path.of(System.getenv("AIRLOCK_SHOTS"), "budget-dialog-dark.png"));
      Snapshots.write(
          ConsoleProbe.fx(() -> Snapshots.render(probe.stage().getScene())),
          Path.of(System.getenv("AIRLOCK_SHOTS"), "budget-window-dark.png"));
      ConsoleProbe.fx(
          () -> {
            Themes.toggle(List.of(dialog.getScene(), probe.stage().getScene()));
            return null;
          });
    }

    probe.robot().write("1.5");
    probe.robot().push(KeyCode.ENTER);
    probe.await(
        "an answer the engine refuses",
        () -> text(dialog, ".budget-error").contains("is not above what the run already used"));
    assertThat(dialog.isShowing()).isTrue();

    ConsoleProbe.fx(
        () -> {
          ((TextField) dialog.getScene().lookup("#budget-time")).setText("5");
          return null;
        });
    probe.robot().push(KeyCode.ENTER);

    probe.awaitApproval(2);
    assertThat(dialog()).isNull();
    RunHistory h = RunHistory.read(probe.session().transcript());
    List<RunEvent.BudgetDecided> decided =
        h.turns().stream()
            .flatMap(t -> t.events().stream())
            .filter(RunEvent.BudgetDecided.class::isInstance)
            .map(RunEvent.BudgetDecided.class::cast)
            .toList();
    assertThat(decided)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.verdict()).isEqualTo("extend");
              assertThat(d.by()).isEqualTo("human:" + ConsoleRuns.USER);
              assertThat(d.limit().seconds()).isEqualTo(300L);
            });
  }

  @Test
  void escLeavesTheQuestionOpenCtrlEnterBringsItBackAndCtrlPeriodStopsTheRunAtItsBudget()
      throws Exception {
    Stage dialog = openAtTheBudget();

    probe.robot().push(KeyCode.ESCAPE);
    probe.await("the dialog to close", () -> !dialog.isShowing());
    assertThat(probe.waiting()).isInstanceOf(PendingBudget.class);
    probe.focus(probe.stage());
    probe.await(
        "the header to say the run waits",
        () -> {
          Label banner = (Label) probe.stage().getScene().lookup(".run-banner");
          return banner.isVisible() && banner.getText().contains("waits for a budget decision");
        });
    probe.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    probe.await("the dialog again", () -> dialog() != null);
    probe.focus(dialog());

    probe.robot().push(KeyCode.CONTROL, KeyCode.PERIOD);

    RunOutcome outcome =
        probe.session().outcome().get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(outcome.reason()).contains("2 min of 1 min", "at the budget dialog");
    probe.await("the runs list to say budget", () -> "budget".equals(probe.runState()));
    assertThat(dialog()).isNull();
  }
}
