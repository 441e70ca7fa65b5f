package dev.airlock.ui.settings;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.ui.Themes;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File > Settings (Ctrl+,): New run's defaults, the sandbox limits, where data, the lakehouse and
 * runs live, the theme and the text size. The theme and size apply live as they change (Cancel or
 * Esc puts them back); Save checks every value with the run's own rules, shows each problem beside
 * its field, and writes {@code console.json} in the background.
 */
public final class SettingsDialog {
  private final SettingsStore store;
  private final Consumer<String> say;
  private final ConsoleSettings before;
  private final Stage stage = new Stage();
  private final ComboBox<ApprovalPolicy> approval = new ComboBox<>();
  private final ComboBox<MergePolicy> merge = new ComboBox<>();
  private final TextField execTimeout = new TextField();
  private final TextField outputBudget = new TextField();
  private final TextField rawDefault = new TextField();
  private final TextField lakehouseHome = new TextField();
  private final TextField runsDir = new TextField();
  private final RadioButton light = new RadioButton("Light");
  private final RadioButton dark = new RadioButton("Dark");
  private final Spinner<Integer> fontSize =
      new Spinner<>(
          ConsoleSettings.MIN_FONT_SIZE,
          ConsoleSettings.MAX_FONT_SIZE,
          ConsoleSettings.DEFAULT_FONT_SIZE);
  private final Label timeoutError = FormGrid.errorLine();
  private final Label outputError = FormGrid.errorLine();
  private final Label homeError = FormGrid.errorLine();
  private final Label runsError = FormGrid.errorLine();
  private final Label fontError = FormGrid.errorLine();
  private boolean saved;

  /**
   * @param say where a failure to write the file is told
   */
  public SettingsDialog(Window owner, SettingsStore store, Consumer<String> say) {
    this.store = store;
    this.say = say;
    this.before = store.current();
    BorderPane root = new BorderPane();
    root.getStyleClass().add("settings-dialog");
    Label title = new Label("Settings");
    title.getStyleClass().add("dialog-title");
    Label where = new Label("Kept in " + store.file().path() + "; never a key.");
    where.getStyleClass().add("dialog-subtitle");
    root.setTop(new VBox(title, where));
    ScrollPane scroll = new ScrollPane(form());
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("form-scroll");
    root.setCenter(scroll);
    root.setBottom(buttons());
    fill(before);
    light.selectedProperty().addListener((o, was, now) -> preview());
    fontSize.valueProperty().addListener((o, was, now) -> preview());
    Scene scene = new Scene(root, 720, 700);
    Themes.apply(scene);
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            stage.close();
          }
        });
    stage.setScene(scene);
    stage.setTitle("Settings");
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setOnHidden(e -> revertUnlessSaved());
  }

  public void show() {
    stage.show();
    approval.requestFocus();
  }

  public Stage stage() {
    return stage;
  }

  private Node form() {
    FormGrid g = new FormGrid();
    approval.getItems().setAll(ApprovalPolicy.values());
    merge.getItems().setAll(MergePolicy.values());
    FormGrid.words(approval, ApprovalPolicy::word);
    FormGrid.words(merge, MergePolicy::word);
    approval.setPrefWidth(220);
    merge.setPrefWidth(220);
    approval.setId("settings-approval");
    merge.setId("settings-merge");
    g.section("New run's defaults");
    g.row("_Approval", approval, approval, FormGrid.note("Who approves code before it runs."));
    g.row("_Merge into main", merge, merge, FormGrid.note("Who decides merges into main."));
    g.section("Sandbox limits");
    execTimeout.setId("settings-exec-timeout");
    outputBudget.setId("settings-output-budget");
    g.row(
        "E_xecution timeout",
        FormGrid.withUnit(execTimeout, 7, "seconds"),
        execTimeout,
        timeoutError);
    g.row(
        "_Output shown",
        FormGrid.withUnit(
            outputBudget, 7, "characters of stdout and of stderr per turn, to the model"),
        outputBudget,
        outputError);
    g.section("Data and runs");
    rawDefault.setId("settings-raw");
    lakehouseHome.setId("settings-home");
    runsDir.setId("settings-runs");
    rawDefault.setPromptText("empty: the generated demo data");
    lakehouseHome.setPromptText("empty: ~/.local/share/airlock/lakehouse");
    runsDir.setPromptText("empty: ~/.local/share/airlock/runs");
    g.row("_Raw data", rawDefault, rawDefault, FormGrid.note("New run's raw data location."));
    g.row("_Lakehouse home", lakehouseHome, lakehouseHome, homeError);
    g.row("R_uns folder", runsDir, runsDir, runsError);
    g.section("Look");
    ToggleGroup theme = new ToggleGroup();
    light.setToggleGroup(theme);
    dark.setToggleGroup(theme);
    light.setId("settings-light");
    dark.setId("settings-dark");
    HBox themes =
        new HBox(16, light, dark, FormGrid.caption("also Ctrl+Shift+D in the main window"));
    themes.setAlignment(Pos.CENTER_LEFT);
    g.row("_Theme", themes, light);
    fontSize.setEditable(true);
    fontSize.setId("settings-font-size");
    fontSize.setPrefWidth(90);
    g.row("_Font size", FormGrid.withUnit(fontSize, 7, "pixels"), fontSize, fontError);
    return g.node();
  }

  private Node buttons() {
    Button reset = new Button("Reset to defaults");
    reset.setId("settings-reset");
    reset.setOnAction(e -> fill(ConsoleSettings.defaults()));
    Button cancel = new Button("Cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button save = new Button("Save");
    save.setId("settings-save");
    save.setDefaultButton(true);
    save.getStyleClass().add("accent");
    save.setOnAction(e -> save());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox box = new HBox(reset, gap, cancel, save);
    box.getStyleClass().add("dialog-buttons");
    return box;
  }

  private void fill(ConsoleSettings s) {
    approval.setValue(s.approval());
    merge.setValue(s.merge());
    execTimeout.setText(String.valueOf(s.execTimeoutSeconds()));
    outputBudget.setText(String.valueOf(s.outputBudget()));
    rawDefault.setText(s.rawDefault() == null ? "" : s.rawDefault());
    lakehouseHome.setText(s.lakehouseHome() == null ? "" : s.lakehouseHome().toString());
    runsDir.setText(s.runsDir() == null ? "" : s.runsDir().toString());
    (s.dark() ? dark : light).setSelected(true);
    fontSize.getValueFactory().setValue(s.fontSize());
  }

  /** The theme and size as chosen, on every window, at once. */
  private void preview() {
    Integer size = fontSize.getValue();
    Themes.setEverywhere(dark.isSelected(), size == null ? Themes.fontSize() : size);
  }

  private void revertUnlessSaved() {
    if (!saved) {
      Themes.setEverywhere(before.dark(), before.fontSize());
    }
  }

  /** Checks every field; saves and closes when all are right. */
  private void save() {
    Long timeout = whole(execTimeout.getText());
    Long output = whole(outputBudget.getText());
    String timeoutProblem =
        timeout == null
            ? "the execution timeout must be a whole number of seconds, not '"
                + execTimeout.getText().strip()
                + "'"
            : SettingsRules.execTimeout(timeout);
    String outputProblem =
        output == null || output > Integer.MAX_VALUE
            ? "the output shown to the model must be a whole number of characters, not '"
                + outputBudget.getText().strip()
                + "'"
            : SettingsRules.outputBudget(output.intValue());
    FormGrid.say(timeoutError, execTimeout, timeoutProblem);
    FormGrid.say(outputError, outputBudget, outputProblem);
    Path home = folder("the lakehouse home", lakehouseHome, homeError);
    Path runs = folder("the runs folder", runsDir, runsError);
    Integer size = fontSize.getValue();
    String fontProblem = size == null ? "choose a font size" : SettingsRules.fontSize(size);
    FormGrid.say(fontError, fontSize, fontProblem);
    if (timeoutProblem != null
        || outputProblem != null
        || fontProblem != null
        || homeError.isVisible()
        || runsError.isVisible()) {
      return;
    }
    String raw = rawDefault.getText().strip();
    ConsoleSettings chosen =
        new ConsoleSettings(
                approval.getValue(),
                merge.getValue(),
                timeout,
                output.intValue(),
                raw.isEmpty() ? null : raw,
                home,
                runs,
                dark.isSelected(),
                size,
                null)
            .keepingLastRunOf(store.current());
    if (chosen.lastRun() != null) {
      // A default changed here is what New run offers next, over the remembered choice.
      chosen = chosen.withLastRun(chosen.lastRun().withChangedDefaults(before, chosen));
    }
    saved = true;
    store.update(chosen, say);
    stage.close();
  }

  private static Path folder(String what, TextField field, Label error) {
    try {
      Path p = SettingsRules.folder(what, field.getText());
      FormGrid.say(error, field, null);
      return p;
    } catch (IllegalArgumentException e) {
      FormGrid.say(error, field, e.getMessage());
      return null;
    }
  }

  private static Long whole(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
