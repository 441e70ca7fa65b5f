package dev.airlock.ui.code;

import dev.airlock.agent.Risk;
import dev.airlock.agent.RiskDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * One compact badge per risk rule the engine's {@code RiskDetector} found in the shown code, named
 * as the detector names it; danger rules (publishing to main, deleting data, writing outside the
 * workspace) first and red, the others amber. The tooltip lists each line and why it matters.
 */
public final class RiskBadges extends FlowPane {
  /** Rules whose damage reaches beyond the run's branch; the rest deserve a look, not alarm. */
  static final Set<String> DANGER =
      Set.of(
          "merge-into-main",
          "delete-branch",
          "delete-table",
          "write-outside-workspace",
          RiskDetector.HIDDEN_CHARACTERS);

  private List<Risk> risks = List.of();

  public RiskBadges() {
    getStyleClass().add("risk-badges");
    setHgap(4);
    setVgap(3);
  }

  /** Shows one badge per rule of {@code risks}; no risks, no badges. */
  public void show(List<Risk> risks) {
    if (risks.equals(this.risks)) {
      return;
    }
    this.risks = List.copyOf(risks);
    Map<String, List<Risk>> byRule = new LinkedHashMap<>();
    risks.forEach(r -> byRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
    List<Label> danger = new ArrayList<>();
    List<Label> warning = new ArrayList<>();
    byRule.forEach(
        (rule, found) -> (DANGER.contains(rule) ? danger : warning).add(badge(rule, found)));
    danger.addAll(warning);
    getChildren().setAll(danger);
  }

  /** The risks shown, as the detector reported them. */
  public List<Risk> risks() {
    return risks;
  }

  /** Severity of {@code rule}'s marks: "danger" or "warning" (a style class). */
  static String severity(String rule) {
    return DANGER.contains(rule) ? "danger" : "warning";
  }

  private static Label badge(String rule, List<Risk> found) {
    FontIcon icon =
        new FontIcon(DANGER.contains(rule) ? MaterialDesignA.ALERT_OCTAGON : MaterialDesignA.ALERT);
    icon.getStyleClass().add("risk-badge-icon");
    Label badge = new Label(rule, icon);
    badge.getStyleClass().addAll("risk-badge", severity(rule));
    badge.setMinWidth(USE_PREF_SIZE);
    String lines =
        found.stream()
            .map(r -> "line " + r.line() + ": " + r.why() + "\n    " + r.excerpt())
            .collect(Collectors.joining("\n"));
    Tooltip tip = new Tooltip(lines);
    tip.setShowDelay(Duration.millis(250));
    tip.setShowDuration(Duration.INDEFINITE);
    tip.getStyleClass().add("risk-tooltip");
    tip.setStyle(Monospace.style());
    badge.setTooltip(tip);
    badge.setAccessibleText(rule + ": " + lines);
    return badge;
  }
}
