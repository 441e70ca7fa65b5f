package dev.airlock.ui.settings;

import dev.airlock.ui.Themes;

/** The settings' theme and text size, put on every window of the console. */
public final class ConsoleLook {
  private ConsoleLook() {}

  /**
   * Applies {@code settings}' look; a theme chosen for this process (-Dairlock.theme,
   * AIRLOCK_THEME) wins over the remembered one.
   */
  public static void apply(ConsoleSettings settings) {
    boolean dark = Themes.chosenForThisProcess() ? Themes.dark() : settings.dark();
    if (dark != Themes.dark() || settings.fontSize() != Themes.fontSize()) {
      Themes.setEverywhere(dark, settings.fontSize());
    }
  }
}
