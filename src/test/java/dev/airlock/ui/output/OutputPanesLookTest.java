package dev.airlock.ui.output;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Both panes with a realistic failed turn, in the console's light and dark themes: stderr must
 * stand apart from stdout and read on the background (not red on red). Each theme is also written
 * to target/screenshots/ to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class OutputPanesLookTest {
  private Stage stage;
  private ReasoningPane reasoning;
  private OutputPane output;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    reasoning = new ReasoningPane();
    output = new OutputPane();
    SplitPane panes = new SplitPane(reasoning, output);
    panes.setDividerPositions(0.4);
    stage.setScene(new Scene(panes, 1200, 620));
    stage.show();
  }

  @AfterEach
  void defaultTheme() {
    Application.setUserAgentStylesheet(null);
  }

  @Test
  void lightTheme(FxRobot robot) throws IOException {
    looksRightIn(robot, new PrimerLight(), "light");
  }

  @Test
  void darkTheme(FxRobot robot) throws IOException {
    looksRightIn(robot, new PrimerDark(), "dark");
  }

  private void looksRightIn(FxRobot robot, Theme theme, String name) throws IOException {
    RunProjection run = failedTurn().projection();
    robot.interact(
        () -> {
          Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
          reasoning.show(run, 1);
          output.show(run, 1);
        });
    WaitForAsyncUtils.waitForFxEvents();

    robot.interact(
        () -> {
          ListCell<?> out = cellShowing("rows so far");
          ListCell<?> err = cellShowing("KeyError");
          Color stdout = (Color) out.getTextFill();
          Color stderr = (Color) err.getTextFill();
          Color background = backgroundOf(err);
          assertThat(stderr).isNotEqualTo(stdout);
          assertThat(contrast(stderr, background)).isGreaterThan(3.0);
          assertThat(contrast(stdout, background)).isGreaterThan(4.5);
        });

    // A few pulses, as a person would see it: the view settles on its last line whole.
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    Path file = Path.of("target", "screenshots", "output-panes-" + name + ".png");
    Files.createDirectories(file.getParent());
    BufferedImage[] image = new BufferedImage[1];
    robot.interact(() -> image[0] = toImage(stage.getScene().snapshot(null)));
    ImageIO.write(image[0], "png", file.toFile());
  }

  private ListCell<?> cellShowing(String text) {
    for (Node n : output.lookupAll(".output-line")) {
      ListCell<?> cell = (ListCell<?>) n;
      if (cell.isVisible() && cell.getText() != null && cell.getText().contains(text)) {
        return cell;
      }
    }
    throw new AssertionError("no cell shows " + text);
  }

  private static Color backgroundOf(ListCell<?> cell) {
    Background b = cell.getBackground();
    Paint fill = b == null || b.getFills().isEmpty() ? Color.WHITE : b.getFills().get(0).getFill();
    return fill instanceof Color c ? c : Color.WHITE;
  }

  /** The WCAG contrast ratio of two colours. */
  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static BufferedImage toImage(WritableImage snapshot) {
    int w = (int) snapshot.getWidth();
    int h = (int) snapshot.getHeight();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = snapshot.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return image;
  }

  /** A turn whose code loaded part of the data, then failed on a missing key. */
  private static TurnEvents failedTurn() {
    TurnEvents t = new TurnEvents().proposed(1).approved(1);
    StringBuilder stdout = new StringBuilder("reading s3://raw/fees/*.csv: 3 files\n");
    for (int i = 1; i <= 24; i++) {
      stdout.append(
          String.format(
              "loading fees/2026-11-%02d.csv: batch %d, %d rows so far%n", i, i, i * 125));
    }
    stdout.append("created table fees_staging on airlock/run-20261128-050000 (3,000 rows)\n");
    String stderr =
        "Traceback (most recent call last):\n"
            + "  File \"/workspace/turn_1.py\", line 14, in <module>\n"
            + "    row[\"fee_type\"] = normalise(row[\"fee_type\"])\n"
            + "KeyError: 'fee_type'\n";
    t.add(t.started(1))
        .add(t.call(1, "create_branch", "fees_staging", true))
        .add(t.call(1, "import_data", "fees_staging", true))
        .add(t.call(1, "query", "fees", false));
    List<RunEvent> rest =
        List.of(
            new RunEvent.ExecutionFinished(
                1,
                t.at(),
                "ERROR",
                1,
                stdout.toString(),
                stderr,
                18_432,
                0,
                "the code exited with status 1",
                2_840,
                List.of()),
            t.effects(1));
    rest.forEach(t::add);
    return t;
  }
}
