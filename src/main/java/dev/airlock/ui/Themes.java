package dev.airlock.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light and dark: AtlantaFX's Primer themes as the base, Airlock's own classes on top (the same
 * selectors in both; only the palette file differs). Switched live for every open window.
 */
public final class Themes {
  private static final String BASE = "/dev/airlock/ui/styles/";
  private static final List<String> SHARED =
      List.of("airlock.css", "code.css", "output.css", "merge.css", "budget.css", "dialogs.css");
  private static boolean dark = initial();

  /** The console's text size, in pixels, unless the settings say otherwise. */
  public static final int DEFAULT_FONT_SIZE = 13;

  private static int fontSize = DEFAULT_FONT_SIZE;

  private Themes() {}

  private static boolean initial() {
    String wanted = System.getProperty("airlock.theme", System.getenv("AIRLOCK_THEME"));
    return wanted != null && wanted.strip().toLowerCase(Locale.ROOT).equals("dark");
  }

  public static boolean dark() {
    return dark;
  }

  /** Whether the theme was chosen for this process (-Dairlock.theme or AIRLOCK_THEME). */
  public static boolean chosenForThisProcess() {
    return System.getProperty("airlock.theme", System.getenv("AIRLOCK_THEME")) != null;
  }

  public static int fontSize() {
    return fontSize;
  }

  /** Sets the theme and the text size (pixels) for {@code scenes}, at once. */
  public static void set(boolean isDark, int size, List<Scene> scenes) {
    dark = isDark;
    fontSize = size;
    scenes.forEach(Themes::apply);
  }

  /** Sets the theme and the text size for every open window of the console. */
  public static void setEverywhere(boolean isDark, int size) {
    set(
        isDark,
        size,
        Window.getWindows().stream().map(Window::getScene).filter(Objects::nonNull).toList());
  }

  /**
   * The text size as a stylesheet of its own, after the others: the window's text and the code and
   * output panes (whose own sheets size them in pixels) follow it.
   */
  private static String fontSheet(int size) {
    // The code and reasoning panes' text nodes are sized themselves: their areas' sizes do not
    // reach them once drawn.
    String css =
        String.format(
            Locale.ROOT,
            ".console, .settings-dialog, .new-run-dialog { -fx-font-size: %dpx; }%n"
                + ".code-pane .code-area, .code-pane .code-area .text,"
                + " .reasoning-area, .reasoning-area .text { -fx-font-size: %.1fpx; }%n"
                + ".output-log .list-cell, .output-log .output-run { -fx-font-size: %dpx; }%n"
                + ".code-gutter .lineno { -fx-font-size: %.1fpx; }%n",
            size,
            size - 0.5,
            size - 1,
            size - 1.5);
    return "data:text/css;base64,"
        + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
  }

  /** Applies the current theme to the application and to {@code scene}. */
  public static void apply(Scene scene) {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    scene.getStylesheets().clear();
    for (String name : SHARED) {
      var url = Themes.class.getResource(BASE + name);
      if (url != null) {
        scene.getStylesheets().add(url.toExternalForm());
      }
    }
    var palette = Themes.class.getResource(BASE + (dark ? "dark.css" : "light.css"));
    if (palette != null) {
      scene.getStylesheets().add(palette.toExternalForm());
    }
    if (fontSize != DEFAULT_FONT_SIZE) {
      scene.getStylesheets().add(fontSheet(fontSize));
    }
  }

  /** Switches light/dark for {@code scenes}. */
  public static void toggle(List<Scene> scenes) {
    dark = !dark;
    scenes.forEach(Themes::apply);
  }
}
