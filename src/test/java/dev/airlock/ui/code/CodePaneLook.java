package dev.airlock.ui.code;

import static dev.airlock.ui.code.CodePaneTest.asked;
import static dev.airlock.ui.code.CodePaneTest.fx;
import static dev.airlock.ui.code.CodePaneTest.parsed;
import static dev.airlock.ui.code.CodePaneTest.run;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.airlock.agent.RunProjection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the code pane to PNGs for a person to look at (light and dark, proposal, edit diff, empty
 * state) on a realistic proposal. Not a check: it runs only when asked, e.g. {@code xvfb-run -a
 * ./mvnw -B -o test -Dtest=CodePaneLook -Dairlock.look=target/look}.
 */
@EnabledIfSystemProperty(named = "airlock.look", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class CodePaneLook {
  static final String PROPOSAL =
      """
      # Turn 2: import every raw file on the run's branch, audit it, then publish.
      import bauplan
      import subprocess

      client = bauplan.Client()
      branch = "airlock/run-20261128-050000"
      client.create_branch(branch, from_ref="main", if_not_exists=True)

      tables = ["payments", "acquirer_countries", "merchant_category_codes", "merchant_data", "fees"]
      for name in tables:
          uri = f"/raw/{name}.parquet"
          client.create_table(table=name, search_uri=uri, branch=branch, replace=True)
          state = client.import_data(table=name, search_uri=uri, branch=branch)
          if state.error:
              raise RuntimeError(f"import of {name} failed: {state.error}")

      problems = []
      for name in tables:
          t = client.get_table(name, ref=branch)
          print(f"{name}: {t.records} rows, {len(t.fields)} columns")
          if t.records == 0 or len(t.fields) < 2:
              problems.append(f"{name} is empty or has one column")

      for table, column in [("payments", "psp_reference"), ("fees", "ID")]:
          row = client.query(
              f"SELECT COUNT(*) AS n, COUNT(DISTINCT {column}) AS d FROM {table}",
              ref=branch).to_pylist()[0]
          print(f"{table}.{column}: {row}")
          if row["n"] != row["d"]:
              problems.append(f"{table}.{column} is not unique")

      subprocess.run(["du", "-sh", "/raw"], check=False)  # how big was the input?
      if problems:
          raise SystemExit("audit failed: " + "; ".join(problems))

      print("audit passed: merging", branch, "into main")
      client.merge_branch(source_ref=branch, into_branch="main")
      print("merged into main", 0x1F, 2.5e-3, None)
      """;

  private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();
  private CodePane pane;
  private Scene scene;
  private Stage stage;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    pane = new CodePane(BACKGROUND);
    scene = new Scene(pane, 600, 760);
    stage.setScene(scene);
    stage.show();
    this.stage = stage;
  }

  @AfterAll
  static void stop() {
    BACKGROUND.shutdownNow();
  }

  @Test
  void render(FxRobot robot) throws Exception {
    Path dir = Files.createDirectories(Path.of(System.getProperty("airlock.look")));
    for (String theme : new String[] {"light", "dark"}) {
      RunProjection run = run(parsed(1, PROPOSAL), asked(1, PROPOSAL)); // a new run: no drafts
      robot.interact(
          () -> {
            Application.setUserAgentStylesheet(
                theme.equals("light")
                    ? new PrimerLight().getUserAgentStylesheet()
                    : new PrimerDark().getUserAgentStylesheet());
            scene
                .getStylesheets()
                .setAll(
                    CodePane.class
                        .getResource("/dev/airlock/ui/styles/" + theme + ".css")
                        .toExternalForm());
            pane.setEditable(false);
            pane.show(run, 1);
          });
      int keyword = PROPOSAL.indexOf("import bauplan") + 1;
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () -> fx(() -> pane.area().getStyleOfChar(keyword).contains("py-keyword")));
      snapshot(robot, dir.resolve(theme + "-proposal.png"));

      robot.interact(
          () -> {
            pane.setEditable(true);
            pane.area()
                .replaceText(
                    pane.text()
                        .replace("import subprocess\n", "")
                        .replace(
                            "subprocess.run([\"du\", \"-sh\", \"/raw\"], check=False)"
                                + "  # how big was the input?\n",
                            "")
                        .replace(
                            "if row[\"n\"] != row[\"d\"]:",
                            "if row[\"n\"] != row[\"d\"] or row[\"n\"] == 0:"));
            pane.focusEditor();
            pane.area().moveTo(30, 4);
          });
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () -> fx(() -> pane.area().getStyleOfChar(keyword).contains("py-keyword")));
      WaitForAsyncUtils.waitFor( // the rescan after the edit: no more subprocess badge
          20,
          TimeUnit.SECONDS,
          () ->
              fx(
                  () ->
                      robot.lookup(".risk-badge").queryAll().stream()
                          .noneMatch(b -> ((Label) b).getText().equals("subprocess"))));
      snapshot(robot, dir.resolve(theme + "-editing.png"));
      robot.clickOn(".diff-toggle");
      snapshot(robot, dir.resolve(theme + "-diff.png"));
      robot.interact(() -> pane.show(run, 2));
      snapshot(robot, dir.resolve(theme + "-empty.png"));
      RunProjection risky = run(asked(1, CodePaneTest.RISKY));
      robot.interact(
          () -> {
            stage.setWidth(380);
            pane.show(risky, 1);
          });
      WaitForAsyncUtils.waitFor(
          20, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".risk-badge").queryAll().size() == 3));
      snapshot(robot, dir.resolve(theme + "-narrow.png"));
      robot.interact(() -> stage.setWidth(600));
    }
  }

  private void snapshot(FxRobot robot, Path file) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = fx(() -> scene.snapshot(null));
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      ImageIO.write(out, "png", file.toFile());
    } catch (IOException e) {
      throw new IOException("could not write " + file, e);
    }
  }
}
