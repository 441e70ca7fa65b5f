package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.CommitHash;
import dev.airlock.lakehouse.TableInfo;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The explorer's list cells: a ref (branch or tag, short hash) and a table (name, rows). */
final class ExplorerCells {
  private ExplorerCells() {}

  static final class RefCell extends ListCell<ExplorerData.RefItem> {
    @Override
    protected void updateItem(ExplorerData.RefItem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Label kind = new Label(item.tag() ? "tag" : "branch");
      kind.getStyleClass().addAll("ref-kind", item.tag() ? "ref-tag" : "ref-branch");
      Label name = new Label(ExplorerText.visible(item.name(), 120));
      name.getStyleClass().add("ref-name");
      name.setMinWidth(0);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      Label hash = new Label(CommitHash.abbreviate(item.hash()));
      hash.getStyleClass().add("ref-hash");
      hash.setMinWidth(Region.USE_PREF_SIZE);
      HBox box = new HBox(6, kind, name, gap, hash);
      box.getStyleClass().add("ref-cell");
      box.setAlignment(Pos.CENTER_LEFT);
      setText(null);
      setGraphic(box);
    }
  }

  static final class TableCell extends ListCell<TableInfo> {
    @Override
    protected void updateItem(TableInfo table, boolean empty) {
      super.updateItem(table, empty);
      if (empty || table == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      String shown =
          table.namespace().equals("bauplan")
              ? table.name()
              : table.namespace() + "." + table.name();
      Label name = new Label(ExplorerText.visible(shown, 120));
      name.getStyleClass().add("table-name");
      name.setMinWidth(0);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      Label rows = new Label(String.format("%,d", table.records()));
      rows.getStyleClass().add("table-rows");
      rows.setMinWidth(Region.USE_PREF_SIZE);
      HBox box = new HBox(6, name, gap, rows);
      box.setAlignment(Pos.CENTER_LEFT);
      setText(null);
      setGraphic(box);
    }
  }
}
