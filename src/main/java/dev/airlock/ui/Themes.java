package dev.airlock.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark: AtlantaFX's Primer themes as the base, Airlock's own classes on top (the same
 * selectors in both; only the palette file differs). Switched live for every open window.
 */
public final class Themes {
  private static final String BASE = "/dev/airlock/ui/styles/";
  private static final List<String> SHARED =
      List.of("airlock.css", "code.css", "output.css", "merge.css", "budget.css");
  private static boolean dark = initial();

  private Themes() {}

  private static boolean initial() {
    String wanted = System.getProperty("airlock.theme", System.getenv("AIRLOCK_THEME"));
    return wanted != null && wanted.strip().toLowerCase(Locale.ROOT).equals("dark");
  }

  public static boolean dark() {
    return dark;
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
  }

  /** Switches light/dark for {@code scenes}. */
  public static void toggle(List<Scene> scenes) {
    dark = !dark;
    scenes.forEach(Themes::apply);
  }
}
