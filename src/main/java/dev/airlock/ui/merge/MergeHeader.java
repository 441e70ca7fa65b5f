package dev.airlock.ui.merge;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The merge gate's header: what merges into what, at which commits, the checks' verdict, cost. */
final class MergeHeader {
  private MergeHeader() {}

  static Node of(MergeGateModel model) {
    FontIcon icon = new FontIcon(MaterialDesignS.SOURCE_MERGE);
    icon.getStyleClass().add("merge-heading-icon");
    Label heading = new Label(model.heading());
    heading.getStyleClass().add("merge-heading");
    heading.setMinWidth(0);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Label verdict = new Label(model.checksSummary());
    verdict.setId("merge-verdict");
    verdict.setMinWidth(Region.USE_PREF_SIZE);
    verdict
        .getStyleClass()
        .addAll("merge-verdict", "checks-" + model.checksState().name().toLowerCase(Locale.ROOT));
    HBox top = new HBox(icon, heading, spring, verdict);
    top.setAlignment(Pos.CENTER_LEFT);
    top.getStyleClass().add("merge-header-line");

    Region spring2 = new Region();
    HBox.setHgrow(spring2, Priority.ALWAYS);
    Label cost = new Label("run so far: " + model.cost());
    cost.setId("merge-cost");
    cost.getStyleClass().add("merge-muted");
    cost.setMinWidth(Region.USE_PREF_SIZE);
    Label audit = new Label(model.auditTime() + "  ·");
    audit.setId("merge-audit-time");
    audit.setTooltip(
        new Tooltip("the checks on every table of the merge result and the previews, in all"));
    audit.getStyleClass().add("merge-muted");
    audit.setMinWidth(Region.USE_PREF_SIZE);
    audit.setVisible(!model.auditTime().isEmpty());
    audit.setManaged(audit.isVisible());
    HBox commits =
        new HBox(
            caption("source at"),
            EvidenceSections.mono(model.sourceCommit()),
            caption("→  " + model.target() + " at"),
            EvidenceSections.mono(model.targetCommit()),
            spring2,
            audit,
            cost);
    commits.setAlignment(Pos.CENTER_LEFT);
    commits.getStyleClass().add("merge-header-line");

    VBox header = new VBox(top, commits);
    header.getStyleClass().add("merge-header");
    return header;
  }

  private static Label caption(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("merge-muted");
    l.setMinWidth(0);
    return l;
  }
}
