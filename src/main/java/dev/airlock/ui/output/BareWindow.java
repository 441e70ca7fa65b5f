package dev.airlock.ui.output;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of {@code airlock bench-console}'s start-time comparison: the least a JavaFX window
 * can be (one label), started the way the console starts, reporting its first frame through {@link
 * FirstFrame}. Not an {@link Application} itself: the java launcher refuses to start an Application
 * main class when JavaFX is on the class path rather than the module path.
 */
public final class BareWindow {
  private BareWindow() {}

  public static void main(String[] args) {
    System.setProperty(FirstFrame.EXIT_PROPERTY, "true");
    Application.launch(App.class, args);
  }

  /** The window. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      Scene scene = new Scene(new StackPane(new Label("bare JavaFX window")), 1280, 800);
      FirstFrame.reportCompleteWhenShown(scene);
      stage.setTitle("bare window");
      stage.setScene(scene);
      stage.show();
    }
  }
}
