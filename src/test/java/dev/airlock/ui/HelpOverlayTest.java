package dev.airlock.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * F1's list of keys fits the smallest window (960 x 600), the usual one (1024 x 600) and a large
 * one (1440 x 900): every key shows without scrolling. With large text it scrolls by keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class HelpOverlayTest {
  private Stage stage;
  private HelpOverlay help;
  private TextField before;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    help = new HelpOverlay();
    before = new TextField("had the keyboard before");
    BorderPane window = new BorderPane(before);
    StackPane root = new StackPane(window, help);
    root.getStyleClass().add("console");
    Scene scene = new Scene(root, 1024, 600);
    Themes.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void usualLook(FxRobot robot) {
    robot.interact(() -> Themes.set(false, Themes.DEFAULT_FONT_SIZE, List.of(stage.getScene())));
  }

  @Test
  void everyKeyShowsAt960x600And1024x600And1440x900InLightAndDark(FxRobot robot) throws Exception {
    robot.interact(help::toggle);
    for (boolean dark : List.of(false, true)) {
      for (int[] size :
          List.of(new int[] {960, 600}, new int[] {1024, 600}, new int[] {1440, 900})) {
        String name = size[0] + "x" + size[1] + (dark ? "-dark" : "");
        robot.interact(
            () -> {
              Themes.set(dark, Themes.DEFAULT_FONT_SIZE, List.of(stage.getScene()));
              resize(size[0], size[1]);
            });
        photograph(robot, name);
        assertThat(cardInsideTheWindow(robot)).as("the card inside the window at " + name).isTrue();
        assertThat(keysOutOfSight(robot)).as("keys out of sight at " + name).isEmpty();
      }
    }
  }

  @Test
  void withLargeTextTheKeysScrollByKeyboardAndEscGivesTheKeyboardBack(FxRobot robot)
      throws Exception {
    robot.interact(
        () -> {
          Themes.set(false, 20, List.of(stage.getScene()));
          resize(1024, 600);
          before.requestFocus();
          help.toggle();
        });
    photograph(robot, "1024x600-20px");
    assertThat(cardInsideTheWindow(robot)).isTrue();
    assertThat(keysOutOfSight(robot)).as("with 20 px text, the last keys are below").contains("F1");

    robot.type(KeyCode.END);
    assertThat(keysOutOfSight(robot)).as("End scrolled to the last key").doesNotContain("F1");
    robot.type(KeyCode.HOME);
    assertThat(keysOutOfSight(robot)).as("Home back to the first").doesNotContain("Ctrl+Enter");

    robot.interact(help::toggle); // F1 again (Esc does the same through the window's keys)
    assertThat(before.isFocused()).as("the keyboard is back where it was").isTrue();
  }

  private void resize(int width, int height) {
    stage.setWidth(width);
    stage.setHeight(height);
    stage.getScene().getRoot().resize(width, height);
    stage.getScene().getRoot().applyCss();
    stage.getScene().getRoot().layout();
  }

  private boolean cardInsideTheWindow(FxRobot robot) {
    boolean[] inside = new boolean[1];
    robot.interact(
        () -> {
          Scene scene = stage.getScene();
          Node card = scene.lookup(".help-card");
          Bounds b = card.localToScene(card.getLayoutBounds()); // its shadow may run over
          Node root = scene.getRoot();
          inside[0] =
              b.getMinX() >= 0
                  && b.getMinY() >= 0
                  && b.getMaxX() <= root.getLayoutBounds().getWidth()
                  && b.getMaxY() <= root.getLayoutBounds().getHeight();
        });
    return inside[0];
  }

  /** The keys, and the actions, not wholly inside the scroller's viewport. */
  private List<String> keysOutOfSight(FxRobot robot) {
    @SuppressWarnings("unchecked")
    List<String>[] out = new List[1];
    robot.interact(
        () -> {
          Node viewport = help.keys().lookup(".viewport");
          Bounds seen = viewport.localToScene(viewport.getLayoutBounds());
          out[0] =
              Stream.concat(
                      help.lookupAll(".help-keys").stream(),
                      help.lookupAll(".help-action").stream())
                  .filter(
                      n -> {
                        Bounds b = n.localToScene(n.getBoundsInLocal());
                        return b.getMinY() < seen.getMinY() - 0.5
                            || b.getMaxY() > seen.getMaxY() + 0.5;
                      })
                  .map(n -> ((Label) n).getText())
                  .toList();
        });
    return out[0];
  }

  /** Kept with the build's output, to look at. */
  private void photograph(FxRobot robot, String name) throws Exception {
    BufferedImage[] image = new BufferedImage[1];
    robot.interact(() -> image[0] = Snapshots.render(stage.getScene()));
    Snapshots.write(image[0], Path.of("target", "help-" + name + ".png"));
  }
}
