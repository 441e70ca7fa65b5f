package dev.airlock.ui.code;

import java.util.List;
import javafx.scene.text.Font;

/**
 * The monospace family for code. JavaFX CSS takes one family, not a fallback list: with {@code
 * "JetBrains Mono", "DejaVu Sans Mono", monospace} and no JetBrains Mono installed, text falls back
 * to the proportional default. So the family is chosen here, among the installed ones.
 */
final class Monospace {
  private static final List<String> PREFERRED = List.of("JetBrains Mono", "DejaVu Sans Mono");
  private static String family;

  private Monospace() {}

  /**
   * An inline style that sets the family (sizes stay with the stylesheet). Call on the FX thread.
   */
  static String style() {
    if (family == null) {
      List<String> installed = Font.getFamilies();
      family = PREFERRED.stream().filter(installed::contains).findFirst().orElse("Monospaced");
    }
    return "-fx-font-family: \"" + family + "\";";
  }
}
