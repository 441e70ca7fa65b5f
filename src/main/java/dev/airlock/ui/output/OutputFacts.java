package dev.airlock.ui.output;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * What a turn's execution did besides printing: its error and missing packages, its data effects
 * per branch (heads before and after, tables, rows, commits) and each lakehouse call with how it
 * ended. Rebuilt from the turn's record, which holds at most a few hundred of these.
 */
final class OutputFacts extends VBox {
  /** Calls listed one by one; a turn that makes more gets a count of the rest. */
  static final int MAX_CALLS = 200;

  OutputFacts() {
    getStyleClass().add("output-facts");
  }

  /** Shows the facts of {@code record} (null: none). */
  void show(TurnRecord record) {
    getChildren().clear();
    if (record == null) {
      return;
    }
    RunEvent.ExecutionFinished f = record.execution();
    if (f != null && f.error() != null) {
      getChildren().add(line("error: " + f.error(), "fact-error", MaterialDesignA.ALERT_OCTAGON));
    }
    if (f != null && f.missingPackages() != null && !f.missingPackages().isEmpty()) {
      getChildren()
          .add(
              line(
                  OutputText.missingPackages(f.missingPackages()),
                  "fact-warning",
                  MaterialDesignA.ALERT));
    }
    effects(record, f != null);
    calls(record.lakehouseCalls());
  }

  private void effects(TurnRecord record, boolean finished) {
    RunEvent.DataEffects effects = record.dataEffects();
    if (effects != null && !effects.branches().isEmpty()) {
      getChildren().add(heading("Data effects"));
      for (RunEvent.BranchEffect b : effects.branches()) {
        getChildren().add(line(OutputText.branchEffect(b), "fact-effect", null));
      }
    } else if (!record.dataChanges().isEmpty()) {
      getChildren().add(heading("Data changes"));
      for (RunEvent.DataChanged d : record.dataChanges()) {
        getChildren().add(line(OutputText.dataChanged(d), "fact-effect", null));
      }
    } else if (finished) {
      getChildren().add(heading("Data effects"));
      getChildren().add(line("no data changed", "fact-muted", null));
    }
  }

  private void calls(List<RunEvent.LakehouseCall> calls) {
    if (calls.isEmpty()) {
      return;
    }
    getChildren().add(heading("Lakehouse calls (" + calls.size() + ")"));
    for (RunEvent.LakehouseCall c : calls.subList(0, Math.min(calls.size(), MAX_CALLS))) {
      Label what = new Label(OutputText.call(c));
      what.getStyleClass().add("fact-call");
      FontIcon icon =
          new FontIcon(c.ok() ? MaterialDesignC.CHECK : MaterialDesignC.CLOSE_CIRCLE_OUTLINE);
      icon.getStyleClass().add(c.ok() ? "fact-icon-ok" : "fact-icon-error");
      HBox row = new HBox(6, icon, what);
      row.getStyleClass().add("fact-row");
      Label outcome = new Label(OutputText.callOutcome(c));
      if (c.ok()) {
        outcome.getStyleClass().add("fact-call-ok");
        outcome.setMinWidth(Region.USE_PREF_SIZE);
        what.setMinWidth(0);
        row.getChildren().add(outcome);
        getChildren().add(row);
      } else {
        // A failure's message is the point: on a line of its own, wrapped, never cut.
        outcome.getStyleClass().addAll("fact-call-error", "fact-error-detail");
        outcome.setWrapText(true);
        getChildren().addAll(row, outcome);
      }
    }
    if (calls.size() > MAX_CALLS) {
      getChildren()
          .add(line("... " + (calls.size() - MAX_CALLS) + " more calls", "fact-muted", null));
    }
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("fact-heading");
    return l;
  }

  private static Label line(String text, String styleClass, Ikon icon) {
    Label l = new Label(text);
    l.getStyleClass().add(styleClass);
    l.setWrapText(true);
    if (icon != null) {
      FontIcon graphic = new FontIcon(icon);
      graphic.getStyleClass().add(styleClass + "-icon");
      l.setGraphic(graphic);
    }
    return l;
  }
}
