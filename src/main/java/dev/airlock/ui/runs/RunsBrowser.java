package dev.airlock.ui.runs;

import dev.airlock.agent.RiskDetector;
import dev.airlock.session.RunCatalog;
import dev.airlock.session.RunSummary;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * File > Open recorded run (Ctrl+O): every transcript of the runs folder, newest first, with its
 * status, turns, model, branch and cost; typing filters; Enter opens the selected run, Esc closes.
 * The transcripts are summarised in the background ({@link RunCatalog#quick}) and appear as they
 * are read, so hundreds of them never hold up the window.
 */
public final class RunsBrowser {
  /** Summaries handed to the FX thread at once while the folder is read. */
  private static final int CHUNK = 64;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final Stage stage = new Stage();
  private final TextField filter = new TextField();
  private final TableView<RunSummary> table = new TableView<>();
  private final Label count = new Label();
  private final ObservableList<RunSummary> all = FXCollections.observableArrayList();
  private final FilteredList<RunSummary> filtered = new FilteredList<>(all);
  private final Path dir;
  private final Function<String, String> openState;
  private final Consumer<RunSummary> onOpen;
  private volatile boolean closed;
  private boolean reading = true;

  /**
   * @param openState a run id's state in the console ("live", "open"), or null when not open
   * @param onOpen what Enter does with the chosen run (on the FX thread)
   */
  public RunsBrowser(
      Stage owner,
      Scene themed,
      Path dir,
      Function<String, String> openState,
      Consumer<RunSummary> onOpen) {
    this.dir = dir;
    this.openState = openState;
    this.onOpen = onOpen;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Open recorded run");
    filter.setPromptText("Type to filter: run id, status, model, branch");
    filter.getStyleClass().add("runs-filter");
    filter.textProperty().addListener((o, was, now) -> refilter());
    SortedList<RunSummary> sorted = new SortedList<>(filtered, RunCatalog.NEWEST_FIRST);
    table.setItems(sorted);
    table.getStyleClass().add("runs-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("Reading the runs folder…"));
    table.getColumns().addAll(columns());
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            open();
          }
        });
    Label where = new Label(dir.toString());
    where.getStyleClass().add("runs-dir");
    where.setMinWidth(0);
    Label keys = new Label("↑ ↓ choose  ·  Enter opens  ·  Esc closes");
    keys.getStyleClass().add("runs-keys");
    keys.setMinWidth(Region.USE_PREF_SIZE);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox foot = new HBox(12, count, where, spring, keys);
    foot.getStyleClass().add("runs-foot");
    Label find = new Label("Filter");
    find.getStyleClass().add("runs-keys");
    find.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(filter, Priority.ALWAYS);
    HBox top = new HBox(8, find, filter);
    top.getStyleClass().add("runs-top");
    BorderPane root = new BorderPane(table, top, null, foot, null);
    root.getStyleClass().add("runs-browser");
    root.getStylesheets().add(Styles.url());
    Scene scene = new Scene(root, 1160, 560);
    scene.getStylesheets().setAll(themed.getStylesheets());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    stage.setScene(scene);
    stage.setOnHidden(e -> closed = true);
  }

  /** Shows the browser with the filter focused and starts reading the folder on {@code work}. */
  public void show(Executor work) {
    stage.show();
    filter.requestFocus();
    showCount();
    work.execute(this::read);
  }

  /** The browser's window (for tests and screenshots). */
  public Stage stage() {
    return stage;
  }

  private List<TableColumn<RunSummary, ?>> columns() {
    List<TableColumn<RunSummary, ?>> c = new ArrayList<>();
    c.add(column("Run", 200, s -> RiskDetector.visible(s.runId())));
    c.add(column("Started", 150, s -> s.started() == null ? "" : TIME.format(s.started())));
    c.add(column("Status", 110, this::status));
    TableColumn<RunSummary, String> turns =
        column("Turns", 64, s -> s.problem() != null ? "" : String.valueOf(s.turns()));
    turns.getStyleClass().add("number");
    c.add(turns);
    c.add(column("Model", 170, s -> s.model() == null ? "" : RiskDetector.visible(s.model())));
    c.add(column("Branch", 230, s -> s.branch() == null ? "" : RiskDetector.visible(s.branch())));
    TableColumn<RunSummary, String> cost =
        column(
            "Cost",
            76,
            s -> s.costUsd() == null ? "" : String.format(Locale.ROOT, "$%.4f", s.costUsd()));
    cost.getStyleClass().add("number");
    c.add(cost);
    c.add(column("Note", 160, RunsBrowser::note));
    return c;
  }

  private static TableColumn<RunSummary, String> column(
      String name, double width, Function<RunSummary, String> text) {
    TableColumn<RunSummary, String> col = new TableColumn<>(name);
    col.setPrefWidth(width);
    col.setMinWidth(width <= 150 ? width : 90); // dates, counts and costs stay whole
    col.setSortable(false); // newest first is the order; the filter narrows it
    col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
    return col;
  }

  /** The run's status, or how it stands in this console. */
  private String status(RunSummary s) {
    if (s.problem() != null) {
      return "unreadable";
    }
    String here = openState.apply(s.runId());
    String status = s.status().name().toLowerCase(Locale.ROOT);
    if ("live".equals(here)) {
      return "live here";
    }
    return here == null ? status : status + " · open";
  }

  private static String note(RunSummary s) {
    if (s.problem() != null) {
      return RiskDetector.visible(s.problem());
    }
    return s.forkedFrom() == null ? "" : "forked from " + RiskDetector.visible(s.forkedFrom());
  }

  private void read() {
    List<RunSummary> chunk = new ArrayList<>();
    try {
      for (Path p : RunCatalog.transcripts(dir)) {
        if (closed) {
          return;
        }
        chunk.add(RunCatalog.quick(p));
        if (chunk.size() == CHUNK) {
          deliver(List.copyOf(chunk), false);
          chunk.clear();
        }
      }
      deliver(List.copyOf(chunk), true);
    } catch (Exception e) {
      Platform.runLater(
          () -> {
            reading = false;
            table.setPlaceholder(
                new Label("Cannot read " + dir + ": " + e.getMessage() + " (check the folder)"));
            showCount();
          });
    }
  }

  private void deliver(List<RunSummary> summaries, boolean last) {
    Platform.runLater(
        () -> {
          boolean first = all.isEmpty();
          all.addAll(summaries);
          if (last) {
            reading = false;
            table.setPlaceholder(
                new Label(
                    all.isEmpty()
                        ? "No recorded runs in " + dir + " yet: start one with File > New run"
                        : "No run matches the filter"));
          }
          if (first && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
          }
          showCount();
        });
  }

  private void refilter() {
    String q = filter.getText();
    filtered.setPredicate(s -> s.matches(q));
    if (!table.getItems().isEmpty()) {
      table.getSelectionModel().select(0);
      table.scrollTo(0);
    }
    showCount();
  }

  private void showCount() {
    int shown = table.getItems().size();
    String n =
        shown == all.size()
            ? all.size() + (all.size() == 1 ? " run" : " runs")
            : shown + " of " + all.size() + " runs";
    count.setText(reading ? n + ", reading…" : n);
  }

  private void onKey(KeyEvent e) {
    switch (e.getCode()) {
      case ESCAPE -> stage.hide();
      case ENTER -> open();
      case DOWN, UP, PAGE_DOWN, PAGE_UP -> {
        if (filter.isFocused()) {
          move(e.getCode());
        } else {
          return;
        }
      }
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void move(KeyCode key) {
    int size = table.getItems().size();
    if (size == 0) {
      return;
    }
    int at = table.getSelectionModel().getSelectedIndex();
    int step =
        switch (key) {
          case DOWN -> 1;
          case UP -> -1;
          case PAGE_DOWN -> 10;
          default -> -10;
        };
    int next = Math.max(0, Math.min(size - 1, (at < 0 ? 0 : at) + step));
    table.getSelectionModel().select(next);
    table.scrollTo(Math.max(0, next - 3));
  }

  private void open() {
    if (!stage.isShowing()) {
      return; // Enter held down: the run was chosen at the first press
    }
    RunSummary s = table.getSelectionModel().getSelectedItem();
    if (s == null && !table.getItems().isEmpty()) {
      s = table.getItems().get(0);
    }
    if (s == null) {
      return;
    }
    stage.hide();
    onOpen.accept(s);
  }

  /** For tests: the runs the browser lists, in order, by run id. */
  public List<String> shownRunIds() {
    return table.getItems().stream().map(RunSummary::runId).toList();
  }

  /** Whether the folder has been read to its end. */
  public boolean doneReading() {
    return !reading;
  }
}
