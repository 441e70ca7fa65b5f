package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.ui.newrun.NewRunDialog;
import dev.airlock.ui.settings.SettingsFile;
import dev.airlock.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings (Ctrl+,) switch the theme and the text size of the open window live and keep them for
 * the next start; New run tells whether a key is set and never writes it down.
 */
class ConsoleSettingsTest {
  private static final String SECRET = "tgp_v1_secret-value-never-on-disk";

  @TempDir Path tmp;
  private ConsoleProbe console;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
    pool.shutdownNow();
    ConsoleProbe.fx(
        () -> {
          Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of());
          return null;
        });
  }

  @Test
  void theThemeAndFontSizeChangeLiveAndAreKeptForTheNextStart() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(tmp);
    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    Scene main = console.stage().getScene();
    assertThat(dark(main)).isFalse();

    console.robot().push(KeyCode.CONTROL, KeyCode.COMMA);
    console.await("the Settings dialog", () -> ConsoleNewRunTest.dialog("Settings") != null);
    Stage settings = ConsoleProbe.fx(() -> ConsoleNewRunTest.dialog("Settings"));
    press(settings, "#settings-dark", KeyCode.SPACE);
    console.await("the main window to turn dark, live", () -> dark(main));
    assertThat(ConsoleProbe.fx(() -> dark(settings.getScene()))).isTrue();

    Node size = ConsoleProbe.fx(() -> settings.getScene().lookup("#settings-font-size"));
    double before = fontSize(main);
    ConsoleProbe.fx(
        () -> {
          size.requestFocus();
          return null;
        });
    console.await("the font size field to have the keyboard", () -> focusedWithin(size));
    console.robot().push(KeyCode.UP);
    console.await("the main window's text to grow, live", () -> fontSize(main) > before);
    Object chosen = ConsoleProbe.fx(() -> ((Spinner<?>) size).getValue());

    console.robot().push(KeyCode.ENTER);
    console.await("Save to close the dialog", () -> !settings.isShowing());
    Path file = launcher.paths().configHome().resolve(SettingsFile.NAME);
    console.await(
        "console.json to say dark",
        () -> Files.exists(file) && Files.readString(file).contains("\"theme\" : \"dark\""));
    assertThat(Files.readString(file)).contains("\"font_size\" : " + chosen);

    // The next start reads them back.
    console.close();
    ConsoleProbe.fx(
        () -> {
          Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of());
          return null;
        });
    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    Scene next = console.stage().getScene();
    console.await("the next console to start dark", () -> dark(next));
    console.await("and with the larger text", () -> fontSize(next) > before);
  }

  @Test
  void newRunSaysAKeyIsSetAndNeverWritesItDown() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(tmp);
    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));
    SettingsStore store = new SettingsStore(new SettingsFile(launcher.paths().configHome()), pool);
    CompletableFuture<RunRequest> started = new CompletableFuture<>();
    Path dotEnv = tmp.resolve(".env");
    Files.writeString(dotEnv, "OPENAI_API_KEY=sk-also-secret-in-dotenv\n");
    NewRunDialog dialog =
        ConsoleProbe.fx(
            () -> {
              NewRunDialog d =
                  new NewRunDialog(
                      new NewRunDialog.Context(
                          console.stage(),
                          store,
                          launcher.paths(),
                          pool,
                          Map.of("TOGETHER_API_KEY", SECRET),
                          dotEnv,
                          started::complete));
              d.show();
              return d;
            });
    Stage stage = dialog.stage();
    TextField model =
        ConsoleProbe.fx(() -> (TextField) stage.getScene().lookup("#model .text-field"));
    setText(model, "together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    console.await("the key's status", () -> keyStatus(stage).equals("TOGETHER_API_KEY is set"));
    setText(model, "openai:gpt-4o");
    console.await("the .env key's status", () -> keyStatus(stage).equals("OPENAI_API_KEY is set"));
    setText(model, "anthropic:claude-sonnet-4-5");
    console.await(
        "the missing key's status",
        () ->
            keyStatus(stage)
                .equals("ANTHROPIC_API_KEY is not set: export it or put it in " + dotEnv));
    ConsoleProbe.fx(
        () -> {
          model.requestFocus();
          return null;
        });
    console.await("the model field to have the keyboard", model::isFocused);
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);
    console.await(
        "the missing key to be named beside the model",
        () -> errorLine(stage, ".error-model").contains("ANTHROPIC_API_KEY is not set"));
    assertThat(started).isNotDone();

    setText(model, "together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    console.await("the model field to have the keyboard", model::isFocused);
    console.robot().push(KeyCode.CONTROL, KeyCode.ENTER);

    RunRequest request = started.get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    assertThat(request.model()).isEqualTo("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    ConsoleProbe.fx(store::written).get(ConsoleProbe.PATIENCE_SECONDS, TimeUnit.SECONDS);
    String json = Files.readString(launcher.paths().configHome().resolve(SettingsFile.NAME));
    assertThat(json).contains("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
    assertThat(json).doesNotContain(SECRET).doesNotContain("sk-also-secret-in-dotenv");
    try (var files = Files.list(launcher.paths().configHome())) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void setText(TextField field, String text) throws Exception {
    ConsoleProbe.fx(
        () -> {
          field.setText(text);
          return null;
        });
  }

  private static String errorLine(Stage stage, String selector) {
    Label l = (Label) stage.getScene().lookup(selector);
    return l == null ? "" : l.getText();
  }

  private static String keyStatus(Stage stage) {
    Label l = (Label) stage.getScene().lookup(".key-status");
    return l == null ? "" : l.getText();
  }

  private void press(Stage stage, String selector, KeyCode key) throws Exception {
    Node node = ConsoleProbe.fx(() -> stage.getScene().lookup(selector));
    ConsoleProbe.fx(
        () -> {
          node.requestFocus();
          return null;
        });
    console.await(selector + " to have the keyboard", node::isFocused);
    console.robot().push(key);
  }

  private static boolean focusedWithin(Node node) {
    Node f = node.getScene().getFocusOwner();
    for (Node n = f; n != null; n = n.getParent()) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code scene} wears the dark palette. */
  private static boolean dark(Scene scene) {
    return scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"));
  }

  /** The size of the main window's section titles' font: they follow the console's size. */
  private static double fontSize(Scene scene) {
    Node runs = scene.lookup(".run-list");
    Node placeholder = runs.lookup(".placeholder .label");
    Font font =
        placeholder instanceof Label l ? l.getFont() : ((Label) scene.lookup(".label")).getFont();
    return font.getSize();
  }
}
