package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.ui.OffFxThread;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The data explorer (Ctrl+D): the lakehouse's branches and tags (type to filter), the tables on the
 * selected ref with their schema, row count and first rows (paged as the person scrolls), an SQL
 * box, the commit log with links back to the runs, the diff of two refs and revert-merge. Owned by
 * the console's window; Esc stops a running query, else closes it. Everything the lakehouse answers
 * is fetched on {@code background}; the FX thread only shows it.
 */
public final class DataExplorer {
  private static final KeyCombination[] TABS = {
    new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
    new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
    new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
    new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN)
  };
  private static final KeyCombination FILTER =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

  private final Stage stage = new Stage();
  private final Executor background;
  private final String startRef;
  final TextField filter = new TextField();
  private final ObservableList<ExplorerData.RefItem> allRefs = FXCollections.observableArrayList();
  private final FilteredList<ExplorerData.RefItem> refItems = new FilteredList<>(allRefs);
  final ListView<ExplorerData.RefItem> refs = new ListView<>(refItems);
  final ListView<TableInfo> tables = new ListView<>();
  final TableTab table;
  final SqlTab sql;
  final LogTab log;
  final DiffTab diff;
  final TabPane tabs = new TabPane();
  final Label status = new Label("Opening the lakehouse…");
  final RevertFlow revert;
  private ExplorerData data;
  private String ref;
  private int refAsked;
  private boolean closed;

  /**
   * Esc is down: pressed in this window and not released yet. A held Esc's repeats do nothing, so
   * the press that stops a query does not close the window half a second later.
   */
  private boolean escapeDown;

  /**
   * What to say once the refs and the picked ref's tables are read again (a revert's outcome), so
   * the refresh does not replace it with the table count; null for the count.
   */
  private String outcome;

  /**
   * @param home the embedded lakehouse's folder (leased, shared with runs on the same home)
   * @param user the person at the seat; a revert-merge is recorded as "human:USER"
   * @param startRef the ref selected first (a run's branch), or null for main
   * @param openRun opens a recorded run by its id in the console
   */
  public DataExplorer(
      Window owner,
      Path home,
      String user,
      String startRef,
      Executor background,
      Consumer<String> openRun,
      Scene themeFrom) {
    this.background = background;
    this.startRef = startRef;
    Supplier<ExplorerData> d = () -> data;
    Supplier<String> r = () -> ref;
    this.table = new TableTab(background, this::say);
    this.sql = new SqlTab(background, d, r);
    this.diff = new DiffTab(background, d);
    this.revert = new RevertFlow(stage, background, d, themeFrom, this::say, this::reloadThenSay);
    this.log = new LogTab(openRun, c -> revert.start(c, ref));
    Scene scene = new Scene(layout(), 1180, 760);
    scene.getStylesheets().setAll(themeFrom.getStylesheets());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            escapeDown = false;
          }
        });
    stage.initOwner(owner);
    stage.setTitle("Data explorer");
    stage.setUserData(this);
    stage.setScene(scene);
    stage.setMinWidth(760);
    stage.setMinHeight(480);
    stage.setOnHidden(e -> close());
    // A release that lands in another window must not leave Esc "down" here.
    stage.focusedProperty().addListener((o, was, now) -> escapeDown &= now);
    OffFxThread.run(background, () -> ExplorerData.open(home, user), this::opened);
  }

  public Stage stage() {
    return stage;
  }

  /** Shows the window, the filter field focused. */
  public void show() {
    // The window's first layout (inside show) styles a made-up row of each table, taken out at
    // once: the person's first table then opens without paying for a new window's first cells.
    Runnable warm = stage.isShowing() ? () -> {} : table.warmUp();
    stage.show();
    warm.run();
    stage.toFront();
    filter.requestFocus();
  }

  private BorderPane layout() {
    filter.setPromptText("Filter branches and tags");
    filter.getStyleClass().add("explorer-filter");
    filter.textProperty().addListener((o, was, now) -> applyFilter(now));
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
            refs.requestFocus();
            if (refs.getSelectionModel().isEmpty() && !refItems.isEmpty()) {
              refs.getSelectionModel().select(0);
            }
            e.consume();
          }
        });
    refs.setCellFactory(v -> new ExplorerCells.RefCell());
    refs.setPlaceholder(new Label("No branch or tag"));
    refs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> pickRef(now));
    tables.setCellFactory(v -> new ExplorerCells.TableCell());
    tables.setPlaceholder(new Label("No tables on this ref"));
    tables.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> pickTable(now));
    VBox side = new VBox(6, section("Branches and tags"), filter, refs, section("Tables"), tables);
    side.getStyleClass().add("explorer-side");
    VBox.setVgrow(refs, Priority.ALWAYS);
    VBox.setVgrow(tables, Priority.ALWAYS);

    tabs.getTabs()
        .addAll(
            tab("Table  Ctrl+1", table.root),
            tab("SQL  Ctrl+2", sql.root),
            tab("Log  Ctrl+3", log.root),
            tab("Diff  Ctrl+4", diff.root));
    tabs.getStyleClass().add("explorer-tabs");
    SplitPane main = new SplitPane(side, tabs);
    main.setDividerPositions(0.24);
    SplitPane.setResizableWithParent(side, false);
    status.getStyleClass().add("explorer-status");
    status.setMaxWidth(Double.MAX_VALUE);
    BorderPane root = new BorderPane(main);
    root.setBottom(status);
    root.getStyleClass().add("explorer");
    var css = DataExplorer.class.getResource("/dev/airlock/ui/styles/explorer.css");
    if (css != null) {
      root.getStylesheets().add(css.toExternalForm());
    }
    return root;
  }

  private static Tab tab(String name, Node content) {
    Tab t = new Tab(name, content);
    t.setClosable(false);
    return t;
  }

  private static Label section(String text) {
    Label l = new Label(text.toUpperCase(Locale.ROOT));
    l.getStyleClass().add("section-title");
    return l;
  }

  // ---- what the lakehouse answers ------------------------------------------------------------

  private void opened(ExplorerData opened, Throwable error) {
    if (error != null) {
      say("Cannot open the lakehouse: " + ExplorerText.error(error));
      return;
    }
    if (closed) {
      opened.close();
      return;
    }
    data = opened;
    reload();
  }

  /**
   * Reads the refs again after a write and keeps the selection; {@code said} stays in the status
   * line once the new state is on screen.
   */
  private void reloadThenSay(String said) {
    outcome = said;
    say(said);
    reload();
  }

  /** Reads the refs again (after a revert, or at the start) and keeps the selection. */
  private void reload() {
    ExplorerData d = data;
    String keep = ref != null ? ref : startRef;
    OffFxThread.run(
        background,
        d::refs,
        (list, error) -> {
          if (error != null) {
            outcome = null;
            say(ExplorerText.error(error));
            return;
          }
          allRefs.setAll(list);
          diff.refs(list.stream().map(ExplorerData.RefItem::name).toList(), keep);
          ExplorerData.RefItem pick =
              list.stream()
                  .filter(i -> i.name().equals(keep))
                  .findFirst()
                  .orElse(
                      list.stream().filter(i -> i.name().equals("main")).findFirst().orElse(null));
          ref = null;
          refs.getSelectionModel().clearSelection();
          if (pick != null) {
            refs.getSelectionModel().select(pick);
            refs.scrollTo(pick);
          } else {
            outcome = null;
          }
          if (status.getText().startsWith("Opening")) {
            say(list.size() + " branches and tags");
          }
        });
  }

  private void applyFilter(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    refItems.setPredicate(
        i -> wanted.isEmpty() || i.name().toLowerCase(Locale.ROOT).contains(wanted));
  }

  private void pickRef(ExplorerData.RefItem item) {
    if (item == null || data == null || item.name().equals(ref)) {
      return;
    }
    ref = item.name();
    int at = ++refAsked;
    ExplorerData d = data;
    String name = item.name();
    tables.getItems().clear();
    table.clear();
    OffFxThread.run(
        background,
        () -> new RefView(d.tables(name), d.commits(name)),
        (view, error) -> {
          if (at != refAsked) {
            return;
          }
          if (error != null) {
            outcome = null;
            say(ExplorerText.error(error));
            return;
          }
          tables.getItems().setAll(view.tables());
          log.show(view.commits(), name, !item.tag());
          if (outcome != null) {
            say(outcome);
            outcome = null;
            return;
          }
          say(
              ExplorerText.visible(name, 80)
                  + ": "
                  + view.tables().size()
                  + (view.tables().size() == 1 ? " table" : " tables"));
        });
  }

  private record RefView(List<TableInfo> tables, List<Commit> commits) {}

  private void pickTable(TableInfo picked) {
    if (picked == null || data == null || ref == null) {
      return;
    }
    table.show(data, ref, picked);
  }

  /** Hears each page of table rows shown (the benchmark's clock). */
  void onRowsShown(Consumer<RowPages> listener) {
    table.onRowsShown(listener);
  }

  private void say(String text) {
    status.setText(text);
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      boolean repeat = escapeDown;
      escapeDown = true;
      if (repeat) {
        e.consume();
        return;
      }
      if (sql.running()) {
        sql.cancel();
      } else {
        stage.close();
      }
    } else if (FILTER.match(e)) {
      filter.requestFocus();
    } else {
      for (int i = 0; i < TABS.length; i++) {
        if (TABS[i].match(e)) {
          tabs.getSelectionModel().select(i);
          if (i == 1) {
            sql.sql.requestFocus();
          }
          e.consume();
          return;
        }
      }
      return;
    }
    e.consume();
  }

  /** Stops what runs and gives the lease back (off the FX thread). */
  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    sql.cancel();
    sql.result.close();
    table.rows.close();
    ExplorerData d = data;
    data = null;
    if (d != null) {
      background.execute(d::close);
    }
  }

  /** Whether the window was closed (a new one is made for the next Ctrl+D). */
  public boolean closed() {
    return closed;
  }
}
