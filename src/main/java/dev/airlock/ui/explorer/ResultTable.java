package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.QueryCancel;
import dev.airlock.ui.OffFxThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
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
 *
 * <p>The FX thread stays cheap (it never stalls a frame for long, even on a busy two-core machine):
 * values are formatted and columns measured off it ({@link ShownPage}), and a first page goes into
 * the view a column a frame, then a few rows a frame, until the screen is filled, so the cells'
 * styling and layout is spread over several short frames instead of one long one.
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

  /**
   * Rows put into an empty view per frame, until the rows on screen are filled (or it holds {@link
   * #DRIPPED_ROWS}).
   */
  static final int ROWS_PER_FRAME = 6;

  /** More than a full-screen window shows; the rest of the page then goes in at once. */
  static final int DRIPPED_ROWS = 60;

  final TableView<List<String>> view = new TableView<>();
  private final Executor background;
  private final Listener listener;
  private RowPages pages = new RowPages();
  private Fetcher fetcher;
  private QueryCancel running;
  private int generation;
  private boolean watching;
  private List<List<String>> waiting = List.of();
  private List<TableColumn<List<String>, String>> waitingColumns = List.of();
  private final AnimationTimer drip =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          drip();
        }
      };

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
    stopDrip();
    view.getItems().clear();
    view.getColumns().clear();
    view.setPlaceholder(new Label("Reading the rows…"));
    fetchNext();
  }

  /** Empties the view, with {@code why} as its placeholder. */
  void clear(String why) {
    cancel();
    generation++;
    fetcher = null;
    pages = new RowPages();
    stopDrip();
    view.getItems().clear();
    view.getColumns().clear();
    view.setPlaceholder(new Label(why));
  }

  /**
   * Puts one made-up row into the empty view, for the window's first layout to style and lay out (a
   * new window's first cells cost several times what later ones do); the returned step takes it out
   * again, right after that layout, so no frame ever shows it.
   */
  Runnable warmUp() {
    if (fetcher != null || !view.getItems().isEmpty()) {
      return () -> {};
    }
    view.getColumns()
        .addAll(
            columns(
                ShownPage.of(
                    new RowPages.Page(
                        List.of("w"), List.of("VARCHAR"), List.of(List.of("w")), false))));
    view.getItems().add(List.of("w"));
    return () -> {
      if (fetcher == null) {
        view.getItems().clear();
        view.getColumns().clear();
      }
    };
  }

  /**
   * Lets go for good (the window closed): a fetch under way is cancelled and its page dropped, the
   * rows still going in stop, and no page is fetched again.
   */
  void close() {
    cancel();
    generation++;
    fetcher = null;
    stopDrip();
  }

  /** Whether rows are still going into the view, a few a frame. */
  boolean dripping() {
    return !waiting.isEmpty() || !waitingColumns.isEmpty();
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
    OffFxThread.run(
        background,
        () -> ShownPage.of(f.fetch(offset, cancel)),
        (shown, error) -> {
          if (at != generation) {
            return;
          }
          running = null;
          if (error != null) {
            pages.stop();
            listener.failed(error);
            return;
          }
          waiting = shown.rows();
          if (pages.add(shown.page())) {
            waitingColumns = columns(shown);
            drip.start();
          } else {
            drip();
          }
        });
  }

  /**
   * One frame's share of a new page. The columns first: one a frame while those in the view do not
   * fill its width (each one on screen costs a cell in every row the view keeps, empty or not),
   * then the rest at once (a column off screen costs only its header). Then the rows: a few a frame
   * until the rows on screen are filled, then the rest at once (rows below the screen cost nothing
   * yet). Tells the listener when the page is all in.
   */
  private void drip() {
    if (!waitingColumns.isEmpty()) {
      double filled = 0;
      for (TableColumn<?, ?> c : view.getColumns()) {
        filled += c.getWidth();
      }
      int take = filled < view.getWidth() ? 1 : waitingColumns.size();
      view.getColumns().addAll(waitingColumns.subList(0, take));
      waitingColumns = waitingColumns.subList(take, waitingColumns.size());
      drip.start();
      return;
    }
    dripRows();
  }

  private void dripRows() {
    int held = view.getItems().size();
    boolean screenFull = held > 0 && lastVisible() < held - 1;
    int take =
        held < DRIPPED_ROWS && !screenFull
            ? Math.min(ROWS_PER_FRAME, waiting.size())
            : waiting.size();
    view.getItems().addAll(waiting.subList(0, take));
    waiting = waiting.subList(take, waiting.size());
    if (!waiting.isEmpty()) {
      drip.start();
      return;
    }
    drip.stop();
    if (view.getItems().isEmpty()) {
      view.setPlaceholder(new Label("No rows"));
    }
    listener.loaded(pages);
    // A tall window may show every row held: fetch on without a scroll.
    Platform.runLater(this::checkNeed);
  }

  private void stopDrip() {
    drip.stop();
    waitingColumns = List.of();
    waiting = List.of();
  }

  private static List<TableColumn<List<String>, String>> columns(ShownPage shown) {
    RowPages.Page page = shown.page();
    List<TableColumn<List<String>, String>> columns = new ArrayList<>();
    for (int i = 0; i < page.columns().size(); i++) {
      int index = i;
      TableColumn<List<String>, String> column = new TableColumn<>();
      Label name = new Label(ExplorerText.visible(page.columns().get(i), 80));
      name.getStyleClass().add("column-name");
      Label type = new Label(ExplorerText.visible(page.types().get(i), 40));
      type.getStyleClass().add("column-type");
      column.setGraphic(new VBox(name, type));
      column.setUserData(page.columns().get(i));
      column.setCellValueFactory(
          c ->
              new ReadOnlyStringWrapper(
                  index < c.getValue().size() ? c.getValue().get(index) : ""));
      column.setSortable(false);
      column.setPrefWidth(shown.widths().get(i));
      columns.add(column);
    }
    return columns;
  }

  /** Fetches the next page when the person looks near the last row held. */
  private void checkNeed() {
    if (fetcher != null && pages.wants(lastSeen())) {
      fetchNext();
    }
  }

  private int lastSeen() {
    return Math.max(view.getSelectionModel().getSelectedIndex(), lastVisible());
  }

  /** The index of the last row on screen, or -1. */
  private int lastVisible() {
    Node flow = view.lookup(".virtual-flow");
    if (flow instanceof VirtualFlow<?> f) {
      IndexedCell<?> cell = f.getLastVisibleCell();
      if (cell != null) {
        return cell.getIndex();
      }
    }
    return -1;
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
