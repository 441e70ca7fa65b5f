package dev.airlock.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A dialog's action button that shows its key beside its words (an icon, "Approve merge", a
 * "Ctrl+Enter" badge), read out whole by a screen reader, never narrower than its content. Styled
 * by {@code keyed-button-content} and {@code keyed-button-key} in airlock.css.
 */
public final class KeyedButton {
  private KeyedButton() {}

  /**
   * @param style AtlantaFX's button style ({@code accent}, {@code danger}, ...)
   * @param id the node id tests and stylesheets find the button by
   */
  public static Button of(String text, String keys, Ikon icon, String style, String id) {
    Label key = new Label(keys);
    key.getStyleClass().add("keyed-button-key");
    HBox content = new HBox(new FontIcon(icon), new Label(text), key);
    content.setAlignment(Pos.CENTER_LEFT);
    content.getStyleClass().add("keyed-button-content");
    Button b = new Button(null, content);
    b.setMnemonicParsing(false);
    b.setAccessibleText(text + " (" + keys + ")");
    b.getStyleClass().add(style);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }
}
