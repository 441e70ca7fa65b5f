package dev.airlock.ui.runs;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RiskDetector;
import dev.airlock.session.RunRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The confirmation before "Fork from this turn" starts a run: which run and turn, the branches
 * recreated under new names, the model and policies of the new run (the source's model, the
 * console's policies; changeable here). Enter starts, Esc cancels; a turn that cannot be forked
 * says why and starts nothing.
 */
public final class ForkDialog {
  private final Stage stage = new Stage();
  private final TextField model = new TextField();
  private final ComboBox<ApprovalPolicy> approval = new ComboBox<>();
  private final ComboBox<MergePolicy> merge = new ComboBox<>();
  private final TextField maxTurns = new TextField();
  private final Label problem = new Label();
  private final Button start = new Button("Fork and start  Enter");
  private final ForkPlan plan;
  private final RunRequest base;
  private final Path runsDir;
  private final Consumer<RunRequest> onStart;
  private boolean started; // Enter held down repeats: one fork only

  /**
   * @param base the console's defaults (policies, folders), or null
   * @param runsDir the folder holding the source run's transcript
   * @param onStart starts the new run (on the FX thread)
   */
  public ForkDialog(
      Stage owner, ForkPlan plan, RunRequest base, Path runsDir, Consumer<RunRequest> onStart) {
    this.plan = plan;
    this.base = base;
    this.runsDir = runsDir;
    this.onStart = onStart;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Fork from this turn");

    Label title = new Label("Fork run " + shown(plan.runId()) + " after turn " + plan.turn());
    title.getStyleClass().add("fork-title");
    Label what =
        new Label(
            "A new run continues the conversation as it stood after turn "
                + plan.turn()
                + ", with the data branches it wrote recreated at their state after that turn."
                + " Nothing of the recorded run changes.");
    what.setWrapText(true);
    what.getStyleClass().add("fork-what");

    GridPane grid = new GridPane();
    grid.getStyleClass().add("fork-grid");
    int row = 0;
    grid.addRow(row++, key("Branches"), branches());
    model.setText(plan.model());
    model.setPrefColumnCount(34);
    grid.addRow(row++, key("Model"), model);
    approval.getItems().setAll(ApprovalPolicy.values());
    approval.setConverter(words(ApprovalPolicy::word));
    merge.setConverter(words(MergePolicy::word));
    approval.setValue(base == null ? ApprovalPolicy.ASK : base.approval());
    merge.getItems().setAll(Arrays.asList(MergePolicy.values()));
    merge.setValue(base == null ? MergePolicy.ASK : base.merge());
    grid.addRow(row++, key("Approval"), approval);
    grid.addRow(row++, key("Merge"), merge);
    maxTurns.setText(String.valueOf(plan.source().maxTurns()));
    maxTurns.setPrefColumnCount(4);
    grid.addRow(row++, key("Turn cap"), maxTurns);

    problem.getStyleClass().add("fork-problem");
    problem.setWrapText(true);
    showProblem(plan.problem());

    start.setDefaultButton(true);
    start.setDisable(plan.problem() != null);
    start.setOnAction(e -> confirm());
    Button cancel = new Button("Cancel  Esc");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.hide());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox buttons = new HBox(8, spring, cancel, start);

    VBox root = new VBox(12, title, what, grid, problem, buttons);
    root.getStyleClass().add("fork-dialog");
    root.getStylesheets().add(Styles.url());
    root.setPrefWidth(620);
    Scene scene = new Scene(root);
    scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            stage.hide();
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && !approval.isShowing() && !merge.isShowing()) {
            confirm();
            e.consume();
          }
        });
    stage.setScene(scene);
  }

  public void show() {
    stage.show();
    (plan.problem() == null ? start : stage.getScene().getRoot()).requestFocus();
    if (plan.problem() == null) {
      model.requestFocus();
      model.end();
    }
  }

  public Stage stage() {
    return stage;
  }

  private Label branches() {
    String text;
    if (plan.problem() != null) {
      text = "–";
    } else if (plan.branches().isEmpty()) {
      text = "none: the run wrote no branch up to turn " + plan.turn();
    } else {
      StringBuilder s = new StringBuilder();
      for (String b : plan.branches()) {
        s.append(s.length() == 0 ? "" : "\n")
            .append(shown(b))
            .append("  →  ")
            .append(shown(b))
            .append("_fork_<new run id>");
      }
      text = s.toString();
    }
    Label l = new Label(text);
    l.getStyleClass().add("fork-branches");
    l.setWrapText(true);
    return l;
  }

  private void confirm() {
    if (plan.problem() != null || started) {
      return;
    }
    int turns;
    try {
      turns = Integer.parseInt(maxTurns.getText().strip());
    } catch (NumberFormatException e) {
      showProblem("The turn cap must be a whole number, not '" + maxTurns.getText() + "'");
      maxTurns.requestFocus();
      return;
    }
    RunRequest request;
    try {
      request =
          plan.request(
              base, model.getText().strip(), approval.getValue(), merge.getValue(), turns, runsDir);
    } catch (RunRequest.Invalid e) {
      showProblem(e.getMessage());
      (e.field() == RunRequest.Field.MAX_TURNS ? maxTurns : model).requestFocus();
      return;
    }
    started = true;
    stage.hide();
    onStart.accept(request);
  }

  private void showProblem(String text) {
    problem.setText(text == null ? "" : RiskDetector.visible(text));
    problem.setVisible(text != null);
    problem.setManaged(text != null);
  }

  private static Label key(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("fork-key");
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  private static <T> StringConverter<T> words(Function<T, String> word) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : word.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("chosen from the list only");
      }
    };
  }

  private static String shown(String text) {
    return RiskDetector.visible(String.valueOf(text));
  }
}
