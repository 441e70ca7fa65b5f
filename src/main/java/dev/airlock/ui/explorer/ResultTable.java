package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.QueryCancel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.VBox;

/**
 * Rows of a table or a query, fetched a page at a time on the background executor as the person
 * scrolls (or moves the selection) near the last row held; a fetch can be cancelled. Only the FX
 * thread touches the view; a fetch answering for an older result is dropped.
 */
final class ResultTable {
  /** Fetches the page at {@code offset}; blocking, called off the FX thread. */
  interface Fetcher {
    RowPages.Page fetch(long offset, QueryCancel cancel);
  }

  /** What the owner hears, on the FX thread. */
  interface Listener {
    /** A page arrived; {@code pages} says how many rows are held and whether more follow. */
    void loaded(RowPages pages);

    /** A fetch failed or was cancelled: the engine's message. */
    void failed(Throwable error);
  }

  static final double ROW_HEIGHT = 26;

  final TableView<List<Object>> view = new TableView<>();
  private final Executor background;
  private final Listener listener;
  private RowPages pages = new RowPages();
  private Fetcher fetcher;
  private QueryCancel running;
  private int generation;
  private boolean watching;

  ResultTable(Executor background, Listener listener, String empty) {
    this.background = background;
    this.listener = listener;
    view.getStyleClass().add("explorer-rows");
    // One height for every row: the flow lays out a page without measuring each cell.
    view.setFixedCellSize(ROW_HEIGHT);
    view.setPlaceholder(new Label(empty));
    view.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> checkNeed());
    view.skinProperty().addListener((o, was, now) -> watchScrolling());
  }

  /** Shows the rows {@code fetcher} gives, from the first page; what was shown goes. */
  void show(Fetcher fetcher) {
    cancel();
    generation++;
    this.fetcher = fetcher;
    pages = new RowPages();
    view.getItems().clear();
    view.getColumns().clear();
    fetchNext();
  }

  /** Empties the view, with {@code why} as its placeholder. */
  void clear(String why) {
    cancel();
    generation++;
    fetcher = null;
    pages = new RowPages();
    view.getItems().clear();
    view.getColumns().clear();
    view.setPlaceholder(new Label(why));
  }

  /** Stops a fetch under way; its result is dropped. */
  void cancel() {
    QueryCancel c = running;
    running = null;
    if (c != null) {
      c.cancel();
    }
  }

  /** Whether a fetch is under way. */
  boolean fetching() {
    return running != null;
  }

  RowPages pages() {
    return pages;
  }

  private void fetchNext() {
    if (fetcher == null || !pages.startFetch()) {
      return;
    }
    int at = generation;
    long offset = pages.nextOffset();
    Fetcher f = fetcher;
    QueryCancel cancel = new QueryCancel();
    running = cancel;
    CompletableFuture.supplyAsync(() -> f.fetch(offset, cancel), background)
        .whenComplete(
            (page, error) ->
                Platform.runLater(
                    () -> {
                      if (at != generation) {
                        return;
                      }
                      running = null;
                      if (error != null) {
                        pages.stop();
                        listener.failed(error.getCause() != null ? error.getCause() : error);
                        return;
                      }
                      if (pages.add(page)) {
                        columns(page);
                      }
                      view.getItems().addAll(page.rows());
                      listener.loaded(pages);
                      // A tall window may show every row held: fetch on without a scroll.
                      Platform.runLater(this::checkNeed);
                    }));
  }

  private void columns(RowPages.Page page) {
    for (int i = 0; i < page.columns().size(); i++) {
      int index = i;
      TableColumn<List<Object>, String> column = new TableColumn<>();
      Label name = new Label(ExplorerText.visible(page.columns().get(i), 80));
      name.getStyleClass().add("column-name");
      Label type = new Label(ExplorerText.visible(page.types().get(i), 40));
      type.getStyleClass().add("column-type");
      column.setGraphic(new VBox(name, type));
      column.setUserData(page.columns().get(i));
      column.setCellValueFactory(
          c ->
              new ReadOnlyStringWrapper(
                  index < c.getValue().size() ? ExplorerText.cell(c.getValue().get(index)) : ""));
      column.setSortable(false);
      column.setPrefWidth(width(page, i));
      view.getColumns().add(column);
    }
  }

  /**
   * Wide enough for the column's name and the first page's values (most of them whole), so merchant
   * names and ids read without opening each cell; never wider than a third of a screen.
   */
  private static double width(RowPages.Page page, int column) {
    int chars = Math.max(page.columns().get(column).length(), page.types().get(column).length());
    for (List<Object> row : page.rows()) {
      if (column < row.size()) {
        chars = Math.max(chars, Math.min(40, ExplorerText.cell(row.get(column)).length()));
      }
    }
    return Math.max(70, Math.min(360, 26 + 8.6 * chars));
  }

  /** Fetches the next page when the person looks near the last row held. */
  private void checkNeed() {
    if (fetcher != null && pages.wants(lastSeen())) {
      fetchNext();
    }
  }

  private int lastSeen() {
    int last = view.getSelectionModel().getSelectedIndex();
    Node flow = view.lookup(".virtual-flow");
    if (flow instanceof VirtualFlow<?> f) {
      IndexedCell<?> cell = f.getLastVisibleCell();
      if (cell != null) {
        last = Math.max(last, cell.getIndex());
      }
    }
    return last;
  }

  private void watchScrolling() {
    if (watching || view.getSkin() == null) {
      return;
    }
    Platform.runLater(
        () -> {
          for (Node n : view.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
              bar.valueProperty().addListener((o, was, now) -> checkNeed());
              watching = true;
            }
          }
        });
  }
}
