package dev.airlock.ui.newrun;

import atlantafx.base.theme.Styles;
import dev.airlock.model.DotEnv;
import dev.airlock.model.ModelException;
import dev.airlock.model.Secrets;
import dev.airlock.session.AirlockPaths;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunRequest.Field;
import dev.airlock.ui.Themes;
import dev.airlock.ui.settings.ConsoleSettings;
import dev.airlock.ui.settings.FormGrid;
import dev.airlock.ui.settings.NewRunChoices.TaskKind;
import dev.airlock.ui.settings.SettingsStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File > New run (Ctrl+N): a modal dialog over the main window. The fields start from the last run
 * started here (or the settings' defaults); Start builds the request as the command line does,
 * checks its files and model in the background, and shows each problem beside its field with the
 * command line's words. Nothing starts until every field is right; then the run opens in the window
 * and the choices are remembered.
 */
public final class NewRunDialog {
  private static final KeyCombination START =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.CONTROL_DOWN);

  /** Where the dialog lives and what it may use; {@code env} and {@code dotEnv} only say "set". */
  public record Context(
      Window owner,
      SettingsStore store,
      AirlockPaths paths,
      Executor background,
      Map<String, String> env,
      Path dotEnv,
      Consumer<RunRequest> start) {}

  private final Context context;
  private final Stage stage = new Stage();
  private final NewRunFields f = new NewRunFields();
  private final Map<Field, Label> errors = new EnumMap<>(Field.class);
  private final Map<Field, Node> controls = new EnumMap<>(Field.class);
  private final Label general = FormGrid.errorLine();
  private final Button start = new Button("Start run");
  private final Button cancel = new Button("Cancel");
  private final RawListingView listing;
  private final KeyStatusView keys;

  public NewRunDialog(Context context) {
    this.context = context;
    this.listing = new RawListingView(context.paths(), context.env(), context.background());
    this.keys = new KeyStatusView(context.env(), context.dotEnv(), context.background());
    fill(NewRunForm.from(context.store().current(), context.store().freeText()));
    BorderPane root = new BorderPane();
    root.getStyleClass().add("new-run-dialog");
    Label title = new Label("New run");
    title.getStyleClass().add("dialog-title");
    Label subtitle =
        new Label("The same run as `airlock run` with these options; Ctrl+Enter starts it.");
    subtitle.getStyleClass().add("dialog-subtitle");
    root.setTop(new VBox(title, subtitle));
    ScrollPane scroll = new ScrollPane(form());
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("form-scroll");
    root.setCenter(scroll);
    root.setBottom(buttons());
    Scene scene = new Scene(root, 760, height());
    Themes.apply(scene);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    stage.setScene(scene);
    stage.setTitle("New run");
    stage.initOwner(context.owner());
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setMinWidth(620);
    stage.setMinHeight(480);
    stage.setOnShown(e -> f.packaged.requestFocus());
  }

  /** Tall enough for every field on a usual screen; the form scrolls on a small one. */
  private static double height() {
    return Math.min(880, Screen.getPrimary().getVisualBounds().getHeight() - 40);
  }

  /** Opens the dialog, the first field focused. */
  public void show() {
    stage.show();
    focusFirst();
    listing.watch(f.raw);
    keys.watch(f.model, f.baseUrl);
  }

  public Stage stage() {
    return stage;
  }

  private void focusFirst() {
    TaskKind kind = (TaskKind) f.taskKind.getSelectedToggle().getUserData();
    f.taskKind.getToggles().stream()
        .filter(t -> t.getUserData() == kind)
        .findFirst()
        .ifPresent(t -> ((RadioButton) t).requestFocus());
  }

  private void fill(NewRunForm form) {
    f.fill(form);
  }

  private Region form() {
    FormGrid g = new FormGrid();
    g.section("Task");
    Label taskError = error(Field.TASK, f.taskFile);
    Label packagedNote =
        FormGrid.note(
            "Load the raw data on a branch of its own, audit it, and ask to merge into main.");
    packagedNote.visibleProperty().bind(f.packaged.selectedProperty());
    packagedNote.managedProperty().bind(f.packaged.selectedProperty());
    Button chooseTask = new Button("Choose…");
    chooseTask.setOnAction(e -> chooseTask());
    HBox fileRow = new HBox(6, f.taskFile, chooseTask);
    HBox.setHgrow(f.taskFile, Priority.ALWAYS);
    fileRow.visibleProperty().bind(f.file.selectedProperty());
    fileRow.managedProperty().bind(f.file.selectedProperty());
    f.taskText.visibleProperty().bind(f.text.selectedProperty());
    f.taskText.managedProperty().bind(f.text.selectedProperty());
    HBox kinds = new HBox(16, f.packaged, f.file, f.text);
    kinds.setPadding(new Insets(5, 0, 3, 0));
    g.row("_Task", kinds, f.packaged, packagedNote, fileRow, f.taskText, taskError);

    g.section("Data");
    Button chooseRaw = new Button("Folder…");
    chooseRaw.setOnAction(e -> chooseRaw());
    HBox rawRow = new HBox(6, f.raw, chooseRaw);
    HBox.setHgrow(f.raw, Priority.ALWAYS);
    g.row("_Raw data", rawRow, f.raw, error(Field.RAW, f.raw), listing.node());

    g.section("Model");
    g.row("_Model", f.model, f.model, error(Field.MODEL, f.model), keys.node());
    g.row("_Base URL", f.baseUrl, f.baseUrl, error(Field.BASE_URL, f.baseUrl));
    g.row("_Price", f.price, f.price, error(Field.PRICE, f.price));

    g.section("Supervision");
    f.approval.setPrefWidth(220);
    f.merge.setPrefWidth(220);
    Label approvalNote = FormGrid.note("");
    approvalNote.textProperty().bind(f.approval.valueProperty().map(NewRunFields::meaning));
    Label mergeNote = FormGrid.note("");
    mergeNote.textProperty().bind(f.merge.valueProperty().map(NewRunFields::meaning));
    g.row("_Approval", f.approval, f.approval, approvalNote, error(Field.APPROVAL, f.approval));
    g.row("Mer_ge into main", f.merge, f.merge, mergeNote, error(Field.MERGE, f.merge));
    g.row(
        "T_urn cap",
        FormGrid.withUnit(f.maxTurns, 6, "turns"),
        f.maxTurns,
        error(Field.MAX_TURNS, f.maxTurns));
    g.row(
        "E_xecution timeout",
        FormGrid.withUnit(f.execTimeout, 6, "seconds per execution"),
        f.execTimeout,
        error(Field.EXEC_TIMEOUT, f.execTimeout));

    g.section("Budget (empty: no limit)");
    HBox budget =
        new HBox(
            8,
            f.budgetTokens,
            FormGrid.caption("tokens"),
            f.budgetUsd,
            FormGrid.caption("US dollars"),
            f.budgetMinutes,
            FormGrid.caption("minutes"));
    budget.setAlignment(Pos.CENTER_LEFT);
    g.row(
        "B_udget",
        budget,
        f.budgetTokens,
        error(Field.BUDGET, f.budgetTokens),
        FormGrid.note(
            "When the run reaches a limit it pauses before the next model call and asks you."
                + " A dollar budget needs a price."));
    return g.node();
  }

  private Label error(Field field, Node control) {
    Label l = FormGrid.errorLine();
    l.getStyleClass().add("error-" + field.name().toLowerCase(Locale.ROOT));
    errors.put(field, l);
    controls.put(field, control);
    return l;
  }

  private Node buttons() {
    start.setDefaultButton(true);
    start.getStyleClass().add("accent");
    start.setOnAction(e -> startRun());
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    HBox.setHgrow(general, Priority.ALWAYS);
    general.setMaxWidth(Double.MAX_VALUE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox box = new HBox(general, gap, cancel, start);
    box.getStyleClass().add("dialog-buttons");
    return box;
  }

  private void onKey(KeyEvent e) {
    if (START.match(e)) {
      e.consume();
      startRun();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      e.consume();
      stage.close();
    }
  }

  private void chooseTask() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("A Markdown task");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md", "*.txt"));
    File chosen = chooser.showOpenDialog(stage);
    if (chosen != null) {
      f.taskFile.setText(chosen.getAbsolutePath());
    }
  }

  private void chooseRaw() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("The raw data folder");
    File chosen = chooser.showDialog(stage);
    if (chosen != null) {
      f.raw.setText(chosen.getAbsolutePath());
    }
  }

  // ---- starting -----------------------------------------------------------------------------

  /** Checks the fields (the request's own rules here, its files in the background), then starts. */
  private void startRun() {
    if (start.isDisabled()) {
      return;
    }
    clearErrors();
    NewRunForm form = f.form();
    ConsoleSettings settings = context.store().current();
    SettingsStore store = context.store();
    Map<Field, String> problems = form.problems(settings, store.file().freeTextTask());
    if (!problems.isEmpty()) {
      problems.forEach(this::show);
      focusOn(problems.keySet().iterator().next());
      return;
    }
    RunRequest request = form.request(settings, store.file().freeTextTask());
    start.setDisable(true);
    start.setText("Checking…");
    context
        .background()
        .execute(
            () -> {
              String problem = null;
              Field field = null;
              try {
                if (form.task() == TaskKind.TEXT) {
                  store.file().writeFreeText(form.taskText());
                }
                Prechecks.check(request, secrets());
              } catch (RunRequest.Invalid e) {
                field = e.field();
                problem = e.getMessage();
              } catch (IOException e) {
                field = Field.TASK;
                problem =
                    "could not keep the task in "
                        + store.file().freeTextTask()
                        + ": "
                        + e.getMessage();
              }
              Field at = field;
              String why = problem;
              Platform.runLater(() -> checked(form, request, at, why));
            });
  }

  /** The keys as the run will find them: the environment, then .env (read off the FX thread). */
  private Secrets secrets() {
    Map<String, String> fromFile;
    try {
      fromFile = DotEnv.load(context.dotEnv());
    } catch (ModelException e) {
      fromFile = Map.of();
    }
    return new Secrets(context.env(), fromFile, context.dotEnv());
  }

  private void checked(NewRunForm form, RunRequest request, Field field, String problem) {
    start.setDisable(false);
    start.setText("Start run");
    if (problem != null) {
      show(field, problem);
      focusOn(field);
      return;
    }
    SettingsStore store = context.store();
    store.rememberFreeText(form.taskText() == null ? "" : form.taskText());
    store.update(store.current().withLastRun(form.choices()), message -> {});
    stage.close();
    listing.stop();
    keys.stop();
    context.start().accept(request);
  }

  private void clearErrors() {
    errors.forEach((field, line) -> FormGrid.say(line, controls.get(field), null));
    for (Node budget : List.of(f.budgetTokens, f.budgetUsd, f.budgetMinutes)) {
      budget.pseudoClassStateChanged(Styles.STATE_DANGER, false);
    }
    FormGrid.say(general, null, null);
  }

  /** Shows {@code problem} beside its field's control, or at the foot for settings' fields. */
  private void show(Field field, String problem) {
    Label line = field == null ? null : errors.get(field);
    if (line == null) {
      String where =
          field == Field.RUNS_DIR || field == Field.HOME || field == Field.OUTPUT_BUDGET
              ? " (File > Settings)"
              : "";
      FormGrid.say(general, null, problem + where);
      return;
    }
    FormGrid.say(line, control(field, problem), problem);
  }

  /** The control a problem is about; the budget's three fields share one line. */
  private Node control(Field field, String problem) {
    if (field == Field.BUDGET) {
      return problem.contains("dollar")
          ? f.budgetUsd
          : problem.contains("time") ? f.budgetMinutes : f.budgetTokens;
    }
    return controls.get(field);
  }

  private void focusOn(Field field) {
    Label line = field == null ? null : errors.get(field);
    Node control = line == null ? null : control(field, line.getText());
    if (control != null) {
      control.requestFocus();
    }
  }

  /** The error line under {@code field}'s control, for tests: its text, or "" when none. */
  public String errorText(Field field) {
    Label line = errors.get(field);
    return line == null ? general.getText() : line.getText();
  }

  NewRunFields fields() {
    return f;
  }
}
