package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import dev.airlock.session.Launcher;
import dev.airlock.ui.settings.ConsoleSettings;
import dev.airlock.ui.settings.SettingsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * A console whose settings say dark is dark from its very first frame: the remembered theme is read
 * before the window is first shown, so it never flashes light first.
 */
class ConsoleStartsInTheSavedThemeTest {
  private static final Color PRIMER_DARK_BACKGROUND = Color.web("#0d1117");

  @TempDir Path tmp;
  private ConsoleProbe console;
  private Stage stage;
  private final List<String> looks = new CopyOnWriteArrayList<>();
  private final ChangeListener<Scene> sceneSet =
      (o, was, now) -> looks.add("scene set: " + look(now));
  private final ChangeListener<Boolean> shown =
      (o, was, now) -> {
        if (now) {
          looks.add("shown: " + look(stage.getScene()));
        }
      };

  @AfterEach
  void close() throws Exception {
    if (console != null) {
      console.close();
    }
    ConsoleProbe.fx(
        () -> {
          stage.sceneProperty().removeListener(sceneSet);
          stage.showingProperty().removeListener(shown);
          Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of());
          return null;
        });
  }

  @Test
  void aSavedDarkThemeIsTheFirstFrameAndTheWindowsFirstLook() throws Exception {
    Launcher launcher = ConsoleRuns.launcher(tmp);
    new SettingsFile(launcher.paths().configHome()).save(ConsoleSettings.defaults().withDark(true));
    stage = FxToolkit.registerPrimaryStage();
    ConsoleProbe.fx(
        () -> {
          Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of()); // as a fresh process starts
          stage.sceneProperty().addListener(sceneSet);
          stage.showingProperty().addListener(shown);
          return null;
        });

    console = ConsoleProbe.open(new ConsoleStart(launcher, null, null));

    String dark = "fill " + PRIMER_DARK_BACKGROUND;
    assertThat(looks)
        .as("every look the stage had, from its first frame on")
        .startsWith(
            "scene set: opening frame, " + dark,
            "shown: opening frame, " + dark,
            "scene set: window, stylesheet dark.css, user agent PrimerDark");
    assertThat(looks).noneMatch(l -> l.contains("light") || l.contains("PrimerLight"));
  }

  /** What a scene looks like at the moment it is set or shown: its fill, palette and base theme. */
  private static String look(Scene scene) {
    if (scene == null) {
      return "none";
    }
    List<String> palettes =
        scene.getStylesheets().stream()
            .filter(s -> s.endsWith("/dark.css") || s.endsWith("/light.css"))
            .map(s -> s.substring(s.lastIndexOf('/') + 1))
            .toList();
    if (palettes.isEmpty()) {
      return "opening frame, fill " + scene.getFill();
    }
    String agent = Application.getUserAgentStylesheet();
    return "window, stylesheet "
        + String.join(" ", palettes)
        + ", user agent "
        + (new PrimerDark().getUserAgentStylesheet().equals(agent) ? "PrimerDark" : agent);
  }
}
