package dev.airlock.ui.merge;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.Verdict;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The evidence sections of the merge gate: tables, checks, provenance, previews. */
final class EvidenceSections {
  static final double BAR_WIDTH = 260;
  private static final int LONG_SUMMARY = 90;
  private static final double TITLE_MIN_WIDTH = 160;

  private EvidenceSections() {}

  static VBox of(MergeGateModel model) {
    VBox box =
        new VBox(
            section("Tables", tables(model)),
            section("Checks", checks(model)),
            section("Provenance", provenance(model)),
            section("Preview: first rows of each table", previews(model)));
    box.getStyleClass().add("merge-sections");
    return box;
  }

  private static Node section(String title, Node body) {
    Label heading = new Label(title.toUpperCase(Locale.ROOT));
    heading.getStyleClass().add("merge-section-title");
    VBox box = new VBox(heading, body);
    box.getStyleClass().add("merge-section");
    return box;
  }

  // ---- tables

  private static Node tables(MergeGateModel model) {
    List<MergeGateModel.TableBars> tables = model.tables();
    if (tables.isEmpty()) {
      return muted("no table differs from " + model.target());
    }
    GridPane grid = new GridPane();
    grid.getStyleClass().add("merge-tables");
    ColumnConstraints name = new ColumnConstraints();
    name.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints bars = new ColumnConstraints();
    bars.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints schema = new ColumnConstraints();
    schema.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(name, bars, schema);
    int row = 0;
    for (MergeGateModel.TableBars t : tables) {
      Label table = mono(t.table());
      table.getStyleClass().add("merge-table-name");
      Label change = new Label(t.change());
      change.getStyleClass().addAll("merge-chip", "change-" + t.change());
      HBox chips = new HBox(change);
      chips.setAlignment(Pos.CENTER_LEFT);
      chips.getStyleClass().add("merge-table-chips");
      String checked = model.checkTime(t.table());
      if (!checked.isEmpty()) {
        // Quiet: where the audit spent its time, for whoever wonders, not a verdict.
        Label time = new Label(checked);
        time.getStyleClass().addAll("merge-muted", "merge-table-time");
        time.setTooltip(new Tooltip(model.checkTimeDetail(t.table())));
        chips.getChildren().add(time);
      }
      VBox named = new VBox(table, chips);
      named.getStyleClass().add("merge-table-cell");
      grid.add(named, 0, row);
      grid.add(bars(t), 1, row);
      grid.add(schemaChanges(t.schemaChanges()), 2, row);
      row++;
    }
    return grid;
  }

  private static Node bars(MergeGateModel.TableBars t) {
    VBox box =
        new VBox(
            bar("before", t.before(), t.rowsBefore(), "before"),
            bar("after", t.after(), t.rowsAfter(), "after"));
    box.getStyleClass().addAll("merge-table-cell", "merge-bars");
    return box;
  }

  private static Node bar(String label, double fraction, Long rows, String kind) {
    Label what = new Label(label);
    what.getStyleClass().add("merge-bar-label");
    Region fill = new Region();
    fill.getStyleClass().addAll("merge-bar", kind);
    // A table with rows keeps a visible sliver even next to a much larger one.
    double width = rows == null ? 0 : Math.max(rows > 0 ? 3 : 0, fraction * BAR_WIDTH);
    fill.setMinWidth(width);
    fill.setPrefWidth(width);
    fill.setMaxWidth(width);
    StackPane track = new StackPane(fill);
    track.setAlignment(Pos.CENTER_LEFT);
    track.getStyleClass().add("merge-bar-track");
    track.setMinWidth(BAR_WIDTH);
    track.setPrefWidth(BAR_WIDTH);
    track.setMaxWidth(BAR_WIDTH);
    Label count = mono(MergeGateModel.rows(rows) + (rows == null ? "" : " rows"));
    count.getStyleClass().add("merge-bar-count");
    HBox line = new HBox(what, track, count);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("merge-bar-line");
    return line;
  }

  private static Node schemaChanges(List<String> changes) {
    VBox box = new VBox();
    box.getStyleClass().addAll("merge-table-cell", "merge-schema");
    if (changes.isEmpty()) {
      box.getChildren().add(muted("schema unchanged"));
    }
    for (String c : changes) {
      Label l = mono(c);
      l.getStyleClass().add("merge-schema-change");
      if (c.startsWith("+")) {
        l.getStyleClass().add("added");
      } else if (c.startsWith("-")) {
        l.getStyleClass().add("removed");
      }
      box.getChildren().add(l);
    }
    return box;
  }

  // ---- checks

  private static Node checks(MergeGateModel model) {
    VBox box = new VBox();
    box.setId("merge-checks");
    box.getStyleClass().add("merge-checks");
    if (model.checksState() == MergeGateModel.ChecksState.NOT_RUN) {
      Label none = new Label(model.checksSummary());
      none.getStyleClass().add("merge-error-text");
      box.getChildren().add(none);
      return box;
    }
    boolean first = true;
    for (CheckResult c : model.problems()) {
      TitledPane pane = check(c);
      // The first problem is open: it is what the supervisor has to read first.
      pane.setExpanded(first);
      first = false;
      box.getChildren().add(pane);
    }
    List<CheckResult> passes = model.passes();
    if (!passes.isEmpty()) {
      VBox passed = new VBox();
      passed.getStyleClass().add("merge-checks");
      for (CheckResult c : passes) {
        TitledPane pane = check(c);
        pane.setExpanded(false);
        passed.getChildren().add(pane);
      }
      TitledPane group =
          new TitledPane(
              passes.size() + (passes.size() == 1 ? " check passed" : " checks passed"), passed);
      group.getStyleClass().add("merge-passed-group");
      group.setMinWidth(TITLE_MIN_WIDTH);
      group.setExpanded(model.problems().isEmpty());
      box.getChildren().add(group);
    }
    return box;
  }

  static TitledPane check(CheckResult c) {
    Label verdict = new Label(c.verdict().name());
    verdict.getStyleClass().addAll("merge-chip", verdictClass(c.verdict()));
    verdict.setMinWidth(Region.USE_PREF_SIZE);
    VBox body = new VBox();
    body.getStyleClass().add("merge-check-body");
    Label id = mono(c.id());
    id.getStyleClass().add("merge-muted");
    body.getChildren().add(id);
    if (c.summary().length() > LONG_SUMMARY) {
      // The title shows what fits on one line; the body the whole of a long summary.
      Label full = new Label(c.summary());
      full.setWrapText(true);
      body.getChildren().add(full);
    }
    for (Evidence e : c.evidence()) {
      body.getChildren().add(evidence(e));
    }
    TitledPane pane = new TitledPane(c.summary(), body);
    pane.setGraphic(verdict);
    pane.setGraphicTextGap(10);
    // A title sizes a titled pane's minimum to its whole text: let it shorten instead.
    pane.setMinWidth(TITLE_MIN_WIDTH);
    pane.getStyleClass()
        .addAll("merge-check", "verdict-" + c.verdict().name().toLowerCase(Locale.ROOT));
    pane.setUserData(c);
    return pane;
  }

  private static Node evidence(Evidence e) {
    VBox box = new VBox();
    box.getStyleClass().add("merge-evidence");
    if (e.sql() != null) {
      Label sql = mono(e.sql());
      sql.setWrapText(true);
      sql.getStyleClass().add("merge-sql");
      box.getChildren().add(sql);
    }
    if (e.note() != null) {
      box.getChildren().add(muted(e.note()));
    }
    if (!e.columns().isEmpty()) {
      box.getChildren().add(ResultTable.of(e.columns(), e.rows()));
      if (e.truncated()) {
        box.getChildren().add(muted("first " + e.rows().size() + " rows shown; more came back"));
      }
    }
    return box;
  }

  // ---- provenance

  private static Node provenance(MergeGateModel model) {
    List<MergeGateModel.ProvenanceRow> rows = model.provenance();
    if (rows.isEmpty()) {
      return muted("no provenance recorded");
    }
    GridPane grid = new GridPane();
    grid.getStyleClass().add("merge-provenance");
    String[] headers = {"table", "written by", "code SHA-256", "approved by", "code"};
    for (int i = 0; i < headers.length; i++) {
      Label h = new Label(headers[i]);
      h.getStyleClass().add("merge-grid-header");
      grid.add(h, i, 0);
    }
    int r = 1;
    for (MergeGateModel.ProvenanceRow p : rows) {
      grid.add(mono(p.table()), 0, r);
      grid.add(new Label(p.turn()), 1, r);
      grid.add(sha(p), 2, r);
      grid.add(new Label(p.approvedBy()), 3, r);
      Label how = new Label(p.how());
      if ("edited".equals(p.how())) {
        how.getStyleClass().add("merge-edited");
      }
      grid.add(how, 4, r);
      r++;
    }
    return grid;
  }

  private static Node sha(MergeGateModel.ProvenanceRow p) {
    if (p.shaFull().isEmpty()) {
      return new Label("");
    }
    Label shortSha = mono(p.shaShort());
    shortSha.setTooltip(new Tooltip(p.shaFull()));
    Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
    copy.getStyleClass().addAll("flat", "button-icon", "merge-copy");
    copy.setTooltip(new Tooltip("Copy the full SHA-256: " + p.shaFull()));
    copy.setAccessibleText("copy SHA-256 of " + p.table());
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(p.shaFull());
          Clipboard.getSystemClipboard().setContent(content);
        });
    HBox box = new HBox(shortSha, copy);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setSpacing(4);
    return box;
  }

  // ---- previews

  private static Node previews(MergeGateModel model) {
    VBox box = new VBox();
    box.getStyleClass().add("merge-previews");
    if (model.previews().isEmpty()) {
      box.getChildren().add(muted("no preview was recorded for this merge"));
    }
    for (MergeEvidence.TablePreview p : model.previews()) {
      Label name = mono(p.table());
      name.getStyleClass().add("merge-table-name");
      VBox one = new VBox(name);
      one.getStyleClass().add("merge-preview");
      if (p.note() != null) {
        one.getChildren().add(muted(p.note()));
      }
      if (!p.columns().isEmpty()) {
        one.getChildren().add(ResultTable.of(p.columns(), p.rows()));
        if (p.truncated()) {
          one.getChildren().add(muted("first " + p.rows().size() + " rows; the table has more"));
        }
      }
      box.getChildren().add(one);
    }
    return box;
  }

  // ---- labels

  static Label mono(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("merge-mono");
    return l;
  }

  static Label muted(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add("merge-muted");
    return l;
  }

  static String verdictClass(Verdict v) {
    return "verdict-" + v.name().toLowerCase(Locale.ROOT);
  }
}
