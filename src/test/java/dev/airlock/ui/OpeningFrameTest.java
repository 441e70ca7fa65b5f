package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The console's first frame: the window's outline in the theme's colours, saying it opens. */
@ExtendWith(ApplicationExtension.class)
class OpeningFrameTest {
  private Scene scene;

  @Start
  void start(Stage stage) {
    scene = OpeningFrame.scene(1440, 900);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void theFirstFrameIsTheWindowsOutlineInTheThemesColours(FxRobot robot) throws Exception {
    BufferedImage image = shot(robot);
    // Kept with the build's output, to look at.
    Snapshots.write(image, Path.of("target", "opening-frame.png"));

    // AtlantaFX Primer's -color-bg-subtle and -color-bg-default, light or dark.
    int subtle = Themes.dark() ? 0x161b22 : 0xf6f8fa;
    int background = Themes.dark() ? 0x0d1117 : 0xffffff;
    assertThat(rgb(image, 100, 450)).as("sidebar").isEqualTo(subtle);
    assertThat(rgb(image, 1000, 20)).as("header").isEqualTo(subtle);
    assertThat(rgb(image, 1000, 300)).as("centre").isEqualTo(background);
    assertThat(rgb(image, 1000, 890)).as("status line").isEqualTo(subtle);
    Text opening = robot.lookup((Text t) -> true).query();
    assertThat(opening.getText()).isEqualTo("Opening Airlock…");
  }

  private BufferedImage shot(FxRobot robot) throws Exception {
    BufferedImage[] image = new BufferedImage[1];
    robot.interact(() -> image[0] = Snapshots.render(scene));
    return image[0];
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }
}
