package dev.airlock.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.Commit;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.ui.ConsoleApp;
import dev.airlock.ui.ConsoleStart;
import dev.airlock.ui.ShortPressRobot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The data explorer as a person uses it: Ctrl+D on the console, a table's rows paged as they
 * scroll, queries in the SQL box (an answer, an error on one line, writes refused, a long query
 * stopped with Esc), the commit log naming each commit's run and turn.
 */
class DataExplorerTest {
  private static final long PATIENCE_SECONDS = 120;

  @TempDir Path dir;
  private final FxRobot robot = new ShortPressRobot();
  private ConsoleApp app;

  @AfterEach
  void close() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    FxToolkit.cleanupStages();
  }

  @Test
  void aPersonBrowsesQueriesAndStopsAQueryWithTheKeyboard() throws Exception {
    Launcher launcher =
        new Launcher(
            new AirlockPaths(dir.resolve("data"), dir.resolve("config")),
            Map.of(),
            dir,
            "tester",
            Clock.systemUTC());
    ExplorerFixture.fill(launcher.paths().lakehouse(), dir.resolve("raw"));
    FxToolkit.registerPrimaryStage();
    app =
        (ConsoleApp)
            FxToolkit.setupApplication(
                () -> new ConsoleApp(new ConsoleStart(launcher, null, null)));
    app.built().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    Stage console = fx(() -> (Stage) app.window().scene().getWindow());
    focus(console);

    robot.press(KeyCode.CONTROL).press(KeyCode.D);
    robot.release(KeyCode.D).release(KeyCode.CONTROL);
    await("the explorer's window", () -> explorerStage() != null);
    DataExplorer x = fx(() -> (DataExplorer) explorerStage().getUserData());
    await("main selected, its table listed", () -> x.tables.getItems().size() == 1);
    assertThat(fx(() -> x.refs.getItems().stream().map(ExplorerData.RefItem::name).toList()))
        .containsExactly("main", "a", "v1");

    // The table: its first page, then more as the person moves down.
    fx(() -> run(() -> x.tables.getSelectionModel().select(0)));
    await("the first page of rows", () -> x.table.rows.view.getItems().size() == PageSql.PAGE_ROWS);
    assertThat(fx(() -> x.table.title.getText())).contains("bauplan.fees").contains("450 rows");
    assertThat(fx(() -> x.table.schema.getItems().size())).isEqualTo(2);
    assertThat(fx(() -> x.table.rows.view.getColumns().size())).isEqualTo(2);
    focus(x.stage());
    fx(() -> run(x.table.rows.view::requestFocus));
    await("the rows to have the keyboard", () -> x.table.rows.view.isFocused());
    robot.push(KeyCode.END);
    await("the second page", () -> x.table.rows.view.getItems().size() == 2 * PageSql.PAGE_ROWS);
    robot.push(KeyCode.END);
    await("the last rows", () -> x.table.rows.view.getItems().size() == ExplorerFixture.ROWS);
    assertThat(fx(() -> x.table.rows.pages().more())).isFalse();

    // The SQL box.
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    await("the SQL box focused", () -> x.sql.sql.isFocused());
    assertThat(query(x, "SELECT count(*) AS n FROM fees")).isEqualTo("450");
    query(x, "SELECT nope FROM fees");
    await("an error line", () -> x.sql.error.isVisible());
    assertThat(fx(() -> x.sql.error.getText())).contains("nope").doesNotContain("\n");
    for (String write : List.of("DELETE FROM fees", "COPY fees TO 'out.csv'")) {
      query(x, write);
      await("the refusal of " + write, () -> x.sql.error.getText().contains("refused"));
      assertThat(fx(() -> x.sql.error.getText())).startsWith("Query on main refused");
    }

    // A query that would run for hours, stopped with Esc; the explorer stays open and usable.
    fx(
        () ->
            run(
                () ->
                    x.sql.sql.setText(
                        "SELECT count(*) FROM range(1000000000000000) a(i)" + " WHERE i % 7 = 3")));
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    await("the long query running", () -> x.sql.running());
    robot.press(KeyCode.ESCAPE); // held: the press stops the query, its repeats close nothing
    await(
        "the query stopped",
        () -> !x.sql.running() && x.sql.state.getText().equals("Query stopped"));
    fx(
        () ->
            run(
                () ->
                    Event.fireEvent(
                        x.stage().getScene().getFocusOwner(),
                        new KeyEvent(
                            KeyEvent.KEY_PRESSED,
                            "",
                            "",
                            KeyCode.ESCAPE,
                            false,
                            false,
                            false,
                            false))));
    robot.release(KeyCode.ESCAPE);
    assertThat(fx(() -> x.stage().isShowing())).as("the explorer after a held Esc").isTrue();
    assertThat(query(x, "SELECT max(id) FROM fees")).isEqualTo("450");

    // The commit log: each commit's run and turn.
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    await("the log", () -> !x.log.commits.getItems().isEmpty());
    List<String> runs =
        fx(() -> x.log.commits.getItems().stream().map(ExplorerText::runAndTurn).toList());
    assertThat(runs).contains("run " + ExplorerFixture.RUN + ", turn 3");
    Commit merge =
        fx(
            () ->
                x.log.commits.getItems().stream()
                    .filter(c -> c.parents().size() == 2)
                    .findFirst()
                    .orElseThrow());
    assertThat(ExplorerText.runOf(merge)).isEqualTo(ExplorerFixture.RUN);

    // Revert-merge: the preview, Esc declines (main unchanged), the button itself reverts.
    fx(() -> run(() -> x.log.commits.getSelectionModel().select(merge)));
    fx(() -> run(x.log.revert::fire));
    await("the revert preview", () -> x.revert.dialog != null && x.revert.dialog.stage.isShowing());
    await(
        "Cancel to have the preview's focus",
        () -> x.revert.dialog.stage.getScene().getFocusOwner() == x.revert.dialog.cancel);
    focus(fx(() -> x.revert.dialog.stage));
    robot.push(KeyCode.ESCAPE);
    await("the revert declined", () -> x.status.getText().contains("declined"));
    assertThat(fx(() -> x.tables.getItems().size())).isEqualTo(1);
    fx(() -> run(x.log.revert::fire));
    await(
        "the revert preview again",
        () -> x.revert.dialog != null && x.revert.dialog.stage.isShowing());
    fx(() -> run(x.revert.dialog.confirm::fire));
    await("main without the merged table", () -> x.tables.getItems().isEmpty());
    await(
        "the revert in the log",
        () ->
            !x.log.commits.getItems().isEmpty()
                && x.log.commits.getItems().get(0).subject().startsWith("Revert merge"));
    // The outcome stays in the status line once the refreshed ref is on screen.
    assertThat(fx(() -> x.status.getText()))
        .startsWith("Reverted merge")
        .contains("the merge stays in the history");
    assertThat(fx(() -> x.log.commits.getItems().get(0).author())).isEqualTo("human:tester");
    focus(x.stage());

    // Esc with nothing running closes the explorer.
    robot.push(KeyCode.ESCAPE);
    await("the explorer closed", () -> !x.stage().isShowing() && x.closed());
  }

  /** Types {@code sql} into the box, runs it with Ctrl+Enter; the first cell of the answer. */
  private String query(DataExplorer x, String sql) throws Exception {
    // The last query's pages: until they are replaced, "not running" is the last query's state.
    RowPages before = fx(() -> x.sql.result.pages());
    fx(
        () ->
            run(
                () -> {
                  x.sql.sql.setText(sql);
                  x.sql.sql.requestFocus();
                }));
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    await(
        "the query " + sql + " to finish",
        () ->
            x.sql.result.pages() != before
                && !x.sql.running()
                && !x.sql.state.getText().startsWith("Running"));
    return fx(
        () ->
            x.sql.result.view.getItems().isEmpty() || x.sql.error.isVisible()
                ? null
                : ExplorerText.cell(x.sql.result.view.getItems().get(0).get(0)));
  }

  private Stage explorerStage() {
    for (Window w : Window.getWindows()) {
      if (w instanceof Stage s && "Data explorer".equals(s.getTitle()) && s.isShowing()) {
        return s;
      }
    }
    return null;
  }

  private void focus(Window window) throws Exception {
    fx(
        () ->
            run(
                () -> {
                  if (window instanceof Stage s) {
                    s.toFront();
                  }
                  window.requestFocus();
                }));
    robot.moveTo(window);
    await("the window to have the keyboard", window::isFocused);
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
    } catch (TimeoutException e) {
      throw new AssertionError("gave up waiting for " + what, e);
    }
  }

  private static Void run(Runnable r) {
    r.run();
    return null;
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    return WaitForAsyncUtils.asyncFx(work).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
  }
}
