package dev.airlock.ui.settings;

import dev.airlock.ui.Themes;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Says once, in a small window over the console, that console.json could not be used: which file,
 * what was wrong, where it was kept. The action bar's line is too easily missed for that.
 */
public final class SettingsProblem {
  private SettingsProblem() {}

  /** Shows {@code message} without waiting for it to be closed (Enter or Esc closes it). */
  public static void show(Window owner, String message) {
    Alert alert = new Alert(Alert.AlertType.WARNING, message, ButtonType.OK);
    alert.initOwner(owner);
    alert.setTitle("Settings");
    alert.setHeaderText("The console's settings could not be read");
    alert.getDialogPane().setMinWidth(560);
    alert.getDialogPane().getStyleClass().add("settings-problem");
    Themes.apply(alert.getDialogPane().getScene());
    alert.show();
  }
}
