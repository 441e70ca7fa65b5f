package dev.airlock.ui.explorer;

import dev.airlock.lakehouse.LakehouseException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The SQL box: a read-only query on the selected ref (Ctrl+Enter runs it, Esc or Stop cancels it),
 * its rows paged like a table's, its error in one line. The lakehouse proves each query a read
 * before it runs; a write is refused with the engine's message.
 */
final class SqlTab {
  static final KeyCombination RUN =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

  final VBox root;
  final TextArea sql = new TextArea();
  final Button run = new Button("Run  Ctrl+Enter");
  final Button stop = new Button("Stop  Esc");
  final Label state = new Label("Type a query, then Ctrl+Enter");
  final Label error = new Label();
  final ResultTable result;
  private final Supplier<ExplorerData> data;
  private final Supplier<String> ref;

  SqlTab(Executor background, Supplier<ExplorerData> data, Supplier<String> ref) {
    this.data = data;
    this.ref = ref;
    this.result =
        new ResultTable(
            background,
            new ResultTable.Listener() {
              @Override
              public void loaded(RowPages pages) {
                finished(pages);
              }

              @Override
              public void failed(Throwable e) {
                failedWith(e);
              }
            },
            "No result yet");
    sql.getStyleClass().add("explorer-sql");
    sql.setPromptText("SELECT count(*) FROM fees");
    sql.setPrefRowCount(5);
    sql.setWrapText(false);
    sql.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (RUN.match(e)) {
            runQuery();
            e.consume();
          }
        });
    run.setOnAction(e -> runQuery());
    run.getStyleClass().add("accent");
    stop.setOnAction(e -> cancel());
    stop.setDisable(true);
    state.getStyleClass().add("explorer-state");
    error.getStyleClass().add("explorer-error");
    error.setVisible(false);
    error.setManaged(false);
    error.setMaxWidth(Double.MAX_VALUE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, run, stop, state, gap);
    bar.getStyleClass().add("explorer-bar");
    root = new VBox(6, sql, bar, error, result.view);
    root.getStyleClass().add("explorer-tab");
    VBox.setVgrow(result.view, Priority.ALWAYS);
  }

  /** Runs the box's text on the selected ref; a query still running is cancelled first. */
  void runQuery() {
    String text = sql.getText();
    String at = ref.get();
    ExplorerData d = data.get();
    if (text == null || text.isBlank() || d == null || at == null) {
      say(d == null ? "The lakehouse is still opening" : "Type a query first");
      return;
    }
    hideError();
    run.setDisable(false);
    stop.setDisable(false);
    state.setText("Running on " + ExplorerText.visible(at, 80) + "…  (Esc stops it)");
    result.show((offset, cancel) -> d.queryPage(at, text, offset, cancel));
  }

  /** Whether a query (or its next page) is running. */
  boolean running() {
    return result.fetching();
  }

  /** Stops the running query; the explorer stays usable. */
  void cancel() {
    if (!result.fetching()) {
      return;
    }
    result.cancel();
    result.pages().stop();
    stop.setDisable(true);
    state.setText("Query stopped");
  }

  private void finished(RowPages pages) {
    stop.setDisable(true);
    state.setText(
        ExplorerText.rows(pages.held())
            + (pages.more() ? " so far; scroll for more" : "")
            + (pages.columns().isEmpty() ? " (the statement returned no columns)" : ""));
  }

  private void failedWith(Throwable e) {
    stop.setDisable(true);
    boolean cancelled =
        e instanceof LakehouseException && String.valueOf(e.getMessage()).contains(" cancelled:");
    if (cancelled) {
      state.setText("Query stopped");
      return;
    }
    state.setText("Query failed");
    error.setText(ExplorerText.error(e));
    error.setVisible(true);
    error.setManaged(true);
  }

  private void hideError() {
    error.setText("");
    error.setVisible(false);
    error.setManaged(false);
  }

  private void say(String text) {
    state.setText(text);
  }
}
