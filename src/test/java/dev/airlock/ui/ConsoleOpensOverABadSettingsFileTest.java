package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.session.Launcher;
import dev.airlock.ui.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings are read before the console is first shown: a console.json that is a pipe (whose
 * reading would block for ever) holds the window back no more than a moment, and the console says
 * what it did with the file.
 */
class ConsoleOpensOverABadSettingsFileTest {
  @TempDir Path tmp;
  private ConsoleProbe console;

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aPipeInPlaceOfConsoleJsonOpensTheConsoleWithTheDefaultsAndSaysSo() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(tmp);
    Path json = new SettingsFile(launcher.paths().configHome()).path();
    Files.createDirectories(json.getParent());
    assertThat(new ProcessBuilder("mkfifo", json.toString()).start().waitFor()).isZero();

    console = ConsoleProbe.openBehindADialog(new ConsoleStart(launcher, null, null));

    console.await("the settings problem", () -> problem() != null);
    assertThat(ConsoleProbe.fx(this::problem))
        .isEqualTo(
            json
                + " could not be used: it is not a regular file (a pipe, a socket or a device);"
                + " the console uses the defaults");
    assertThat(ConsoleProbe.fx(() -> Themes.dark())).isFalse();
  }

  /** The text of the settings problem's window, or null while none shows. */
  private String problem() {
    List<Window> windows = List.copyOf(Window.getWindows());
    for (Window w : windows) {
      if (w.isShowing()
          && w.getScene() != null
          && w.getScene().getRoot() instanceof DialogPane pane
          && pane.getStyleClass().contains("settings-problem")) {
        return pane.getContentText();
      }
    }
    return null;
  }
}
