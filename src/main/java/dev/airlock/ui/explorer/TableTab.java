package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.TableField;
import dev.airlock.lakehouse.TableInfo;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One table of the selected ref: its name, row count and columns, its schema (column, type) and its
 * rows, a page at a time as the person scrolls; a table of ten million rows costs one page.
 */
final class TableTab {
  final VBox root;
  final Label title = new Label("Select a table");
  final TableView<TableField> schema = new TableView<>();
  final ResultTable rows;
  private final Consumer<String> say;
  private Consumer<RowPages> shown = p -> {};

  TableTab(Executor background, Consumer<String> say) {
    this.say = say;
    this.rows = new ResultTable(background, listener(), "Select a table to see its rows");
    TableColumn<TableField, String> column = new TableColumn<>("Column");
    column.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(ExplorerText.visible(c.getValue().name(), 120)));
    column.setPrefWidth(150);
    TableColumn<TableField, String> type = new TableColumn<>("Type");
    type.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(ExplorerText.visible(c.getValue().type(), 60)));
    type.setPrefWidth(100);
    schema.getColumns().add(column);
    schema.getColumns().add(type);
    schema.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    schema.setPlaceholder(new Label("No table"));
    schema.getStyleClass().add("explorer-schema");
    schema.setFixedCellSize(ResultTable.ROW_HEIGHT);
    SplitPane split = new SplitPane(schema, rows.view);
    split.setDividerPositions(0.25);
    SplitPane.setResizableWithParent(schema, false);
    title.getStyleClass().add("explorer-title");
    root = new VBox(6, title, split);
    root.getStyleClass().add("explorer-tab");
    VBox.setVgrow(split, Priority.ALWAYS);
  }

  /** Shows {@code table} of {@code ref}, its rows read through {@code data}. */
  void show(ExplorerData data, String ref, TableInfo table) {
    title.setText(
        ExplorerText.visible(table.fqn(), 120)
            + "  ·  "
            + ExplorerText.rows(table.records())
            + "  ·  "
            + table.fields().size()
            + (table.fields().size() == 1 ? " column" : " columns")
            + " on "
            + ExplorerText.visible(ref, 80));
    schema.getItems().setAll(table.fields());
    rows.show((offset, cancel) -> data.tablePage(ref, table, offset, cancel));
  }

  /** Like {@link ResultTable#warmUp()}, for the schema and the rows. */
  Runnable warmUp() {
    Runnable rowsBack = rows.warmUp();
    boolean empty = schema.getItems().isEmpty();
    if (empty) {
      schema.getItems().add(new TableField("w", false, "VARCHAR"));
    }
    return () -> {
      rowsBack.run();
      if (empty && schema.getItems().size() == 1 && schema.getItems().get(0).name().equals("w")) {
        schema.getItems().clear();
      }
    };
  }

  void clear() {
    rows.clear("Select a table to see its rows");
    schema.getItems().clear();
    title.setText("Select a table");
  }

  /** Hears each page of rows shown (the benchmark's clock). */
  void onRowsShown(Consumer<RowPages> listener) {
    shown = listener;
  }

  private ResultTable.Listener listener() {
    return new ResultTable.Listener() {
      @Override
      public void loaded(RowPages pages) {
        say.accept(
            ExplorerText.rows(pages.held())
                + " shown"
                + (pages.more() ? "; scroll for more" : ", the whole table"));
        shown.accept(pages);
      }

      @Override
      public void failed(Throwable e) {
        say.accept(ExplorerText.error(e));
      }
    };
  }
}
