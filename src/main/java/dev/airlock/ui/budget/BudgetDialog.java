package dev.airlock.ui.budget;

import dev.airlock.agent.Budget;
import dev.airlock.agent.PendingBudget;
import dev.airlock.ui.KeyedButton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The budget question as a small dialog owned by the main window: what the run used of which limit,
 * an editable new limit per reached limit (prefilled with the suggestion), Enter to extend, Ctrl+.
 * (or Stop run) to end the run with status budget. Esc closes the dialog and leaves the question
 * open. Answers go to the {@code answers} executor; the engine's refusal of a limit that is not
 * above what was used shows inline and the dialog stays.
 */
public final class BudgetDialog {
  static final KeyCombination STOP =
      new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);

  private final PendingBudget pending;
  private final Executor answers;
  private final BudgetForm form;
  private final Stage stage = new Stage();
  private final List<TextField> fields = new ArrayList<>();
  private final Label error = new Label();
  private final Button extend;
  private final Button stop;
  private boolean answered;
  private boolean enterHeldAtOpen;
  private Consumer<String> notTaken = text -> {};

  public BudgetDialog(Window owner, PendingBudget pending, Executor answers) {
    this.pending = Objects.requireNonNull(pending, "pending");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.form = new BudgetForm(pending.report());
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    } else {
      stage.initModality(Modality.APPLICATION_MODAL);
    }
    stage.setTitle("Budget reached");
    stage.setResizable(false);

    FontIcon gauge = new FontIcon(MaterialDesignG.GAUGE_FULL);
    gauge.getStyleClass().add("budget-icon");
    Label heading = new Label(form.heading());
    heading.getStyleClass().add("budget-heading");
    heading.setWrapText(true);
    HBox top = new HBox(gauge, heading);
    top.setAlignment(Pos.CENTER_LEFT);
    top.getStyleClass().add("budget-top");
    Label explain = new Label(form.explanation());
    explain.getStyleClass().add("budget-muted");
    explain.setWrapText(true);

    error.getStyleClass().add("budget-error");
    error.setWrapText(true);
    error.setVisible(false);
    error.setManaged(false);

    extend = button("Extend", "Enter", MaterialDesignP.PLAY, "accent", "extend");
    extend.setOnAction(e -> extend());
    stop = button("Stop run", "Ctrl+.", MaterialDesignS.STOP, "danger", "stop");
    stop.setOnAction(e -> stop());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox buttons = new HBox(stop, spring, extend);
    buttons.getStyleClass().add("budget-buttons");
    Label hint =
        new Label(
            "Esc closes this dialog and the run keeps waiting: Ctrl+Enter (Budget…) in the main"
                + " window opens it again.");
    hint.getStyleClass().add("budget-hint");
    hint.setWrapText(true);

    VBox root = new VBox(top, explain, limits(), error, buttons, hint);
    root.getStyleClass().add("budget-dialog");
    root.setFillWidth(true);
    root.setPrefWidth(500);
    Scene scene = new Scene(root);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            enterHeldAtOpen = false;
          }
        });
    stage.setScene(scene);
    stage.setOnShown(
        e -> {
          if (!fields.isEmpty()) {
            fields.get(0).requestFocus();
            fields.get(0).selectAll();
          }
        });
  }

  /** One row per reached limit: its name, "12,480 of 10,000", and the new limit's field. */
  private GridPane limits() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("budget-limits");
    Label usedTitle = new Label("Used");
    Label newTitle = new Label("New limit");
    usedTitle.getStyleClass().add("budget-column");
    newTitle.getStyleClass().add("budget-column");
    grid.add(usedTitle, 1, 0);
    grid.add(newTitle, 2, 0);
    int row = 1;
    for (BudgetForm.Row r : form.rows()) {
      Label name = new Label(r.name());
      name.getStyleClass().add("budget-name");
      Label used = new Label(r.used());
      used.getStyleClass().add("budget-used");
      TextField field = new TextField(r.suggested());
      field.getStyleClass().add("budget-field");
      field.setPrefColumnCount(9);
      field.setAccessibleText("New " + r.name().toLowerCase(Locale.ROOT) + " limit in " + r.unit());
      field.setId("budget-" + r.which());
      Label unit = new Label(r.unit());
      unit.getStyleClass().add("budget-muted");
      HBox input = new HBox(field, unit);
      input.setAlignment(Pos.CENTER_LEFT);
      input.getStyleClass().add("budget-input");
      grid.add(name, 0, row);
      grid.add(used, 1, row);
      grid.add(input, 2, row);
      fields.add(field);
      row++;
    }
    return grid;
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE) {
      stage.hide();
    } else if (STOP.match(e)) {
      stop();
    } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
      if (enterHeldAtOpen) {
        say("Enter was held down when this opened: release it, check the new limit, then Enter");
      } else {
        extend();
      }
    } else {
      return;
    }
    e.consume();
  }

  private void extend() {
    if (answered) {
      return;
    }
    List<String> typed = fields.stream().map(TextField::getText).toList();
    try {
      Budget budget = form.parse(typed);
      send(() -> pending.extend(budget));
    } catch (IllegalArgumentException e) {
      say(e.getMessage());
    }
  }

  private void stop() {
    if (!answered) {
      send(() -> pending.stop("stopped by " + pending.by() + " at the budget dialog"));
    }
  }

  /** Sends the answer off the FX thread; a refusal shows here and the dialog stays open. */
  private void send(BooleanSupplier answer) {
    answered = true;
    setBusy(true);
    answers.execute(
        () -> {
          try {
            boolean taken = answer.getAsBoolean();
            Platform.runLater(
                () -> {
                  close();
                  if (!taken) {
                    notTaken.accept(
                        "The budget question was already answered or withdrawn: your answer was"
                            + " not taken");
                  }
                });
          } catch (IllegalArgumentException e) {
            Platform.runLater(
                () -> {
                  answered = false;
                  setBusy(false);
                  say(e.getMessage());
                });
          }
        });
  }

  private void setBusy(boolean busy) {
    extend.setDisable(busy);
    stop.setDisable(busy);
    fields.forEach(f -> f.setDisable(busy));
  }

  private void say(String text) {
    error.setText(text);
    error.setVisible(true);
    error.setManaged(true);
    stage.sizeToScene();
  }

  public Stage stage() {
    return stage;
  }

  public void show() {
    if (stage.isShowing()) {
      stage.toFront();
    } else {
      stage.show();
    }
  }

  /** Whether an answer was given here (it may still be on its way). */
  public boolean answered() {
    return answered;
  }

  /**
   * The dialog opens while Enter is held in the main window: Enter extends nothing until released.
   */
  public void ignoreEnterUntilReleased() {
    enterHeldAtOpen = true;
  }

  public void enterReleased() {
    enterHeldAtOpen = false;
  }

  /** Where to say that an answer given here was not taken (answered elsewhere, or withdrawn). */
  public void onNotTaken(Consumer<String> say) {
    notTaken = Objects.requireNonNull(say, "say");
  }

  public void close() {
    stage.hide();
  }

  private static Button button(String text, String keys, Ikon icon, String style, String id) {
    return KeyedButton.of(text, keys, icon, style, "budget-" + id);
  }
}
