package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.PendingApproval;
import dev.airlock.session.Launcher;
import dev.airlock.ui.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New run (Ctrl+N) as a person uses it, with the keyboard: a scripted run started from the dialog
 * appears and asks; a bad value is shown beside its field with the command line's words and starts
 * nothing; the choices come back in the next console's dialog, read from console.json.
 */
class ConsoleNewRunTest {
  @TempDir Path tmp;
  private ConsoleProbe console;

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  private ConsoleProbe openEmpty(Launcher launcher) throws Exception {
    return ConsoleProbe.open(new ConsoleStart(launcher, null, null));
  }

  @Test
  void aRunStartedFromNewRunAppearsAndAsksAndItsChoicesComeBackNextTime() throws Exception {
    String model = ConsoleRuns.script(tmp, List.of(ConsoleRuns.code("print(41 + 1)")));
    Path raw = Files.createDirectories(tmp.resolve("raw"));
    Files.writeString(raw.resolve("orders.csv"), "id\n1\n");
    Launcher launcher = ConsoleRuns.launcher(tmp);
    console = openEmpty(launcher);

    Stage dialog = openNewRun();
    type(dialog, "#raw", raw.toString());
    await("the listing of the raw folder", () -> text(dialog, ".raw-summary").startsWith("1 file"));
    type(dialog, "#model .text-field", model);
    type(dialog, "#max-turns", "3");
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);

    PendingApproval asked = console.awaitApproval(1);
    assertThat(asked.proposal().code()).contains("print(41 + 1)");
    assertThat(ConsoleProbe.fx(dialog::isShowing)).isFalse();
    Path file = launcher.paths().configHome().resolve(SettingsFile.NAME);
    await("console.json to hold the choices", () -> Files.exists(file));
    assertThat(Files.readString(file)).contains(model.substring("scripted:".length()));

    console.close();
    console = openEmpty(launcher);
    Stage again = openNewRun();
    await(
        "the remembered model",
        () -> ((TextField) again.getScene().lookup("#model .text-field")).getText().equals(model));
    assertThat(field(again, "#raw")).isEqualTo(raw.toString());
    assertThat(field(again, "#max-turns")).isEqualTo("3");
    console.robot().push(KeyCode.ESCAPE);
    await("Esc to close the dialog", () -> !again.isShowing());
  }

  @Test
  void aBadValueIsShownBesideItsFieldWithTheCliMessageAndNothingStarts() throws Exception {
    console = openEmpty(ConsoleRuns.launcher(tmp));
    Stage dialog = openNewRun();

    type(dialog, "#max-turns", "0");
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    await("the turn cap's message", () -> !text(dialog, ".error-max_turns").isEmpty());
    assertThat(text(dialog, ".error-max_turns"))
        .isEqualTo("the turn cap must be at least 1, not 0");

    type(dialog, "#max-turns", "4");
    type(dialog, "#budget-usd", "abc");
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    await("the budget's message", () -> !text(dialog, ".error-budget").isEmpty());
    assertThat(text(dialog, ".error-budget"))
        .isEqualTo("the US dollar budget must be a positive amount such as 0.50, not abc");
    assertThat(text(dialog, ".error-max_turns")).isEmpty();

    type(dialog, "#budget-usd", "");
    Path missing = tmp.resolve("no-such-task.md");
    Node fileChoice = ConsoleProbe.fx(() -> dialog.getScene().lookup("#task-file"));
    ConsoleProbe.fx(
        () -> {
          fileChoice.requestFocus();
          return null;
        });
    await("the Markdown file choice to have the keyboard", fileChoice::isFocused);
    console.robot().push(KeyCode.SPACE);
    type(dialog, "#task-path", missing.toString());
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    await("the task's message", () -> !text(dialog, ".error-task").isEmpty());
    assertThat(text(dialog, ".error-task")).isEqualTo(missing + " is not a readable file");

    assertThat(ConsoleProbe.fx(dialog::isShowing)).isTrue();
    assertThat(runs()).isZero();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Stage openNewRun() throws Exception {
    console.robot().push(KeyCode.CONTROL, KeyCode.N);
    await("the New run dialog", () -> dialog("New run") != null);
    Stage dialog = dialog("New run");
    // The window itself, not only a focus owner inside it: keys sent before go to the console.
    await(
        "the first field to have the keyboard",
        () -> dialog.isFocused() && dialog.getScene().getFocusOwner() != null);
    return dialog;
  }

  static Stage dialog(String title) {
    for (Window w : Window.getWindows()) {
      if (w instanceof Stage s && s.isShowing() && title.equals(s.getTitle())) {
        return s;
      }
    }
    return null;
  }

  private long runs() throws Exception {
    return ConsoleProbe.fx(
        () ->
            (long)
                ((ListView<?>) console.stage().getScene().lookup(".run-list")).getItems().size());
  }

  /** Focuses the field, selects what it holds and types {@code text} over it. */
  private void type(Stage dialog, String selector, String text) throws Exception {
    TextInputControl field =
        ConsoleProbe.fx(() -> (TextInputControl) dialog.getScene().lookup(selector));
    ConsoleProbe.fx(
        () -> {
          field.requestFocus();
          field.selectAll();
          return null;
        });
    await(selector + " to have the keyboard", field::isFocused);
    if (text.isEmpty()) {
      console.robot().push(KeyCode.BACK_SPACE);
    } else {
      console.robot().write(text);
    }
    await(selector + " to read " + text, () -> field.getText().equals(text));
  }

  private static String field(Stage dialog, String selector) throws Exception {
    return ConsoleProbe.fx(() -> ((TextInputControl) dialog.getScene().lookup(selector)).getText());
  }

  private static String text(Stage dialog, String selector) throws Exception {
    return ConsoleProbe.fx(
        () -> {
          Node n = dialog.getScene().lookup(selector);
          return n == null ? "" : ((Label) n).getText();
        });
  }

  private void await(String what, Callable<Boolean> condition) throws Exception {
    console.await(what, condition);
  }
}
