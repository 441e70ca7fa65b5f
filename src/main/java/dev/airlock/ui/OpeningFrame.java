package dev.airlock.ui;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The console's first frame while the real window is built: the window's outline (sidebar, header,
 * status line) in the theme's colours and a word that it is opening. Made of shapes and one text
 * only, with colours set in code: no control, so no stylesheet is parsed and no skin is built
 * before the window appears (the theme's CSS and the panes cost seconds on a busy machine).
 */
final class OpeningFrame {
  private OpeningFrame() {}

  /** A scene of {@code width} x {@code height} in the current theme's colours. */
  static Scene scene(double width, double height) {
    boolean dark = Themes.dark();
    // AtlantaFX Primer's -color-bg-default, -color-bg-subtle, -color-border-default,
    // -color-fg-muted.
    Color background = Color.web(dark ? "#0d1117" : "#ffffff");
    Color subtle = Color.web(dark ? "#161b22" : "#f6f8fa");
    Color border = Color.web(dark ? "#30363d" : "#d0d7de");
    Color muted = Color.web(dark ? "#8b949e" : "#656d76");

    Region sidebar = filled(subtle);
    sidebar.setPrefWidth(width * 0.2); // where the window's divider opens; no binding classes
    Region header = filled(subtle);
    header.setPrefHeight(44);
    Region status = filled(subtle);
    status.setPrefHeight(26);
    Text opening = new Text("Opening Airlock…");
    opening.setFont(Font.font(13));
    opening.setFill(muted);
    BorderPane centre = new BorderPane(opening);
    centre.setTop(header);
    BorderPane root = new BorderPane(centre);
    root.setLeft(sidebar);
    root.setBottom(status);
    root.setBackground(new Background(new BackgroundFill(background, null, null)));
    sidebar.setBorder(
        new Border(
            new BorderStroke(border, BorderStrokeStyle.SOLID, null, new BorderWidths(0, 1, 0, 0))));
    Scene scene = new Scene(root, width, height, background);
    return scene;
  }

  private static Region filled(Color color) {
    Region r = new Region();
    r.setBackground(new Background(new BackgroundFill(color, CornerRadii.EMPTY, Insets.EMPTY)));
    return r;
  }
}
