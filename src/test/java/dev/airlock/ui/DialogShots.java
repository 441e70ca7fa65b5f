package dev.airlock.ui;

import dev.airlock.session.RunRequest;
import dev.airlock.ui.newrun.NewRunDialog;
import dev.airlock.ui.settings.SettingsDialog;
import dev.airlock.ui.settings.SettingsFile;
import dev.airlock.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Renders both dialogs (light, dark, with an error) to PNGs: -Dairlock.shots=DIR. Looked at. */
class DialogShots {
  @Test
  void mainWindowAtALargerFontWithACorruptSettingsFile() throws Exception {
    String dir = System.getProperty("airlock.shots");
    Assumptions.assumeTrue(dir != null);
    Path out = Files.createDirectories(Path.of(dir));
    Path run = Files.createDirectories(out.resolve("run"));
    Files.createDirectories(run.resolve("config"));
    Path other = Files.createDirectories(out.resolve("other"));
    Files.createDirectories(other.resolve("config"));
    Files.writeString(other.resolve("config/console.json"), "{\"font_size\": 16, \"theme\": ");
    FxToolkit.registerPrimaryStage();
    var pool = Executors.newCachedThreadPool();
    ConsoleProbe.fx(
        () -> {
          Stage s = new Stage();
          new ConsoleWindow(s, ConsoleRuns.launcher(other), pool, pool);
          s.show();
          return null;
        });
    Thread.sleep(2000);
    ConsoleProbe.fx(
        () -> {
          for (var w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage st && "Settings".equals(st.getTitle())) {
              Snapshots.write(Snapshots.render(st.getScene()), out.resolve("settings-problem.png"));
              st.close();
            } else if (w instanceof Stage st) {
              st.close();
            }
          }
          return null;
        });
    ConsoleProbe console =
        ConsoleRuns.openScripted(
            run, 3, List.of(ConsoleRuns.code("for i in range(30):\n    print(i)")));
    console.awaitApproval(1);
    Thread.sleep(800);
    ConsoleProbe.fx(
        () -> {
          Themes.setEverywhere(false, 18);
          return null;
        });
    Thread.sleep(800);
    ConsoleProbe.fx(
        () -> {
          return null;
        });
    ConsoleProbe.fx(
        () -> {
          Snapshots.write(
              Snapshots.render(console.stage().getScene()), out.resolve("main-font16.png"));
          Themes.setEverywhere(false, 13);
          return null;
        });
    console.session().stop("done");
    console.close();
  }

  @Test
  void render() throws Exception {
    String dir = System.getProperty("airlock.shots");
    Assumptions.assumeTrue(dir != null);
    Path out = Files.createDirectories(Path.of(dir));
    Path raw = Files.createDirectories(out.resolve("raw"));
    Files.writeString(raw.resolve("payments.csv"), "id\n1\n".repeat(2000));
    Files.writeString(raw.resolve("merchants.parquet"), "x".repeat(40_000));
    FxToolkit.registerPrimaryStage();
    var pool = Executors.newCachedThreadPool();
    for (boolean dark : new boolean[] {false, true}) {
      SettingsStore store = new SettingsStore(new SettingsFile(out.resolve("config")), pool);
      NewRunDialog[] d = new NewRunDialog[1];
      ConsoleProbe.fx(
          () -> {
            Themes.set(dark, Themes.DEFAULT_FONT_SIZE, List.of());
            Stage owner = new Stage();
            d[0] =
                new NewRunDialog(
                    new NewRunDialog.Context(
                        owner,
                        store,
                        ConsoleRuns.launcher(out).paths(),
                        pool,
                        Map.of("TOGETHER_API_KEY", "x"),
                        out.resolve(".env"),
                        (RunRequest r) -> {}));
            d[0].show();
            ((TextField) d[0].stage().getScene().lookup("#raw")).setText(raw.toString());
            ((TextField) d[0].stage().getScene().lookup("#max-turns")).setText("0");
            ((TextField) d[0].stage().getScene().lookup("#budget-usd")).setText("abc");
            if (dark) {
              ((RadioButton) d[0].stage().getScene().lookup("#task-text")).setSelected(true);
              ((TextField) d[0].stage().getScene().lookup("#model .text-field"))
                  .setText("anthropic:claude-sonnet-4-5");
            }
            return null;
          });
      Thread.sleep(1500);
      ConsoleProbe.fx(
          () -> {
            for (var n : d[0].stage().getScene().getRoot().lookupAll(".button")) {
              if (n instanceof Button b && b.getText().equals("Start run")) {
                b.fire();
              }
            }
            return null;
          });
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(500);
      String name = dark ? "dark" : "light";
      ConsoleProbe.fx(
          () -> {
            Snapshots.write(
                Snapshots.render(d[0].stage().getScene()), out.resolve("newrun-" + name + ".png"));
            d[0].stage().close();
            store.update(store.current().withDark(dark), m -> {});
            SettingsDialog s = new SettingsDialog(null, store, m -> {});
            s.show();
            ((TextField) s.stage().getScene().lookup("#settings-exec-timeout")).setText("0");
            ((TextField) s.stage().getScene().lookup("#settings-runs")).setText("runs");
            for (var n : s.stage().getScene().getRoot().lookupAll(".button")) {
              if (n instanceof Button b && b.getText().equals("Save")) {
                b.fire();
              }
            }
            return s;
          });
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(300);
      ConsoleProbe.fx(
          () -> {
            for (var w : List.copyOf(Window.getWindows())) {
              if (w instanceof Stage st && "Settings".equals(st.getTitle())) {
                Snapshots.write(
                    Snapshots.render(st.getScene()), out.resolve("settings-" + name + ".png"));
                st.close();
              }
            }
            return null;
          });
    }
  }
}
