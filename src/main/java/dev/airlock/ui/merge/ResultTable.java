package dev.airlock.ui.merge;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * A small read-only table of result rows (a check's evidence, a table's preview), sized to its rows
 * so the dialog's own scroll pane does the scrolling. Values are the agent's data: shown as text,
 * never interpreted.
 */
final class ResultTable {
  private static final double ROW_HEIGHT = 26;
  // The theme's column header and the table's borders.
  private static final double HEADER_HEIGHT = 44;
  private static final double SCROLL_BAR = 22;
  private static final double MIN_WIDTH = 200;
  private static final PseudoClass NULL = PseudoClass.getPseudoClass("null");
  private static final int TOOLTIP_FROM = 30;
  private static final int MAX_HEADER = 80;

  private ResultTable() {}

  static TableView<List<Object>> of(List<String> columns, List<List<Object>> rows) {
    TableView<List<Object>> table = new TableView<>(FXCollections.observableArrayList(rows));
    table.getStyleClass().add("merge-result-table");
    table.setEditable(false);
    table.setFixedCellSize(ROW_HEIGHT);
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new Label("no rows"));
    // Wide results scroll inside the table; they never widen the dialog.
    table.setMinWidth(MIN_WIDTH);
    table.setPrefWidth(MIN_WIDTH);
    double width = 0;
    for (int i = 0; i < columns.size(); i++) {
      TableColumn<List<Object>, String> column = column(columns.get(i), i, rows);
      width += column.getPrefWidth();
      table.getColumns().add(column);
    }
    double rowsHeight = HEADER_HEIGHT + Math.max(1, rows.size()) * ROW_HEIGHT;
    double columnsWidth = width;
    fitHeight(table, rowsHeight, false);
    // A horizontal scroll bar takes room from the rows: make room only when it shows.
    table
        .widthProperty()
        .addListener(
            (o, was, now) -> fitHeight(table, rowsHeight, columnsWidth > now.doubleValue() - 4));
    return table;
  }

  private static void fitHeight(TableView<?> table, double rowsHeight, boolean scrollBar) {
    double height = rowsHeight + (scrollBar ? SCROLL_BAR : 0);
    table.setPrefHeight(height);
    table.setMinHeight(height);
    table.setMaxHeight(height);
  }

  private static TableColumn<List<Object>, String> column(
      String name, int index, List<List<Object>> rows) {
    String header = MergeGateModel.shown(String.valueOf(name));
    if (header.length() > MAX_HEADER) {
      header = header.substring(0, MAX_HEADER - 1) + "…"; // a column name is the agent's choice
    }
    TableColumn<List<Object>, String> column = new TableColumn<>(header);
    column.setSortable(false);
    column.setReorderable(false);
    column.setCellValueFactory(
        c ->
            new ReadOnlyStringWrapper(
                index < c.getValue().size() ? MergeGateModel.cell(c.getValue().get(index)) : ""));
    column.setCellFactory(c -> new ValueCell(index));
    int widest = header.length();
    for (List<Object> row : rows) {
      if (index < row.size()) {
        widest = Math.max(widest, MergeGateModel.cell(row.get(index)).length());
      }
    }
    column.setPrefWidth(Math.max(64, Math.min(320, widest * 9 + 28)));
    return column;
  }

  /** Shows a value; a null is marked (muted), a long value has its full text in a tooltip. */
  private static final class ValueCell extends TableCell<List<Object>, String> {
    private final int index;

    ValueCell(int index) {
      this.index = index;
    }

    @Override
    protected void updateItem(String text, boolean empty) {
      super.updateItem(text, empty);
      List<Object> row = empty || getTableRow() == null ? null : getTableRow().getItem();
      boolean isNull = row != null && index < row.size() && row.get(index) == null;
      pseudoClassStateChanged(NULL, isNull);
      setText(empty ? null : text);
      setTooltip(!empty && text != null && text.length() > TOOLTIP_FROM ? wrapped(text) : null);
    }

    private static Tooltip wrapped(String text) {
      Tooltip tip = new Tooltip(text);
      tip.setWrapText(true);
      tip.setMaxWidth(560);
      return tip;
    }
  }
}
