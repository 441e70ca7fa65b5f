package dev.airlock.ui.merge;

import atlantafx.base.theme.Styles;
import dev.airlock.agent.PendingMerge;
import dev.airlock.ui.KeyedButton;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The merge gate: a modal window over the console with the evidence of a merge into main and the
 * supervisor's three answers. Answers run on the {@code answers} executor, never on the FX thread
 * (they take the engine's locks), and the dialog closes itself once it has answered. Closing it any
 * other way answers nothing: the question stays open and the console can show it again.
 *
 * <p>Keys: Ctrl+Enter approves; Ctrl+R focuses the reason, Enter there sends it to the agent, Esc
 * leaves the field; Ctrl+. ends the run keeping the branch (with the reason). A rejection needs a
 * reason: an empty one is refused inline and nothing is sent.
 */
public final class MergeGateDialog {
  static final KeyCombination APPROVE =
      new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination REASON =
      new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination END_RUN =
      new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
  private static final String STYLESHEET = "/dev/airlock/ui/styles/merge.css";

  private final PendingMerge merge;
  private final Executor answers;
  private final MergeGateModel model;
  private final Stage stage = new Stage();
  private final ScrollPane evidence;
  private final TextField reason = new TextField();
  private final Label reasonError = new Label();
  private final Button approve;
  private final HBox refusal;
  private final Label notice = new Label();
  private boolean answered;
  private Consumer<String> notTaken = text -> {};
  private boolean enterHeldAtOpen;

  public MergeGateDialog(Window owner, PendingMerge merge, Executor answers) {
    this.merge = Objects.requireNonNull(merge, "merge");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.model = new MergeGateModel(merge.evidence(), merge.sourceCommit(), merge.targetCommit());
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    } else {
      stage.initModality(Modality.APPLICATION_MODAL);
    }
    stage.setTitle(model.title());

    evidence = new ScrollPane(EvidenceSections.of(model));
    evidence.setFitToWidth(true);
    evidence.setFocusTraversable(true);
    evidence.getStyleClass().add("merge-evidence-scroll");
    approve =
        button("Approve merge", "Ctrl+Enter", MaterialDesignC.CHECK_BOLD, "accent", "approve");
    approve.setOnAction(e -> approve());
    refusal = refusalBar();

    BorderPane root = new BorderPane();
    root.getStyleClass().add("merge-gate");
    root.setTop(MergeHeader.of(model));
    root.setCenter(evidence);
    root.setBottom(footer());

    Scene scene = new Scene(root, 1000, 720);
    scene.getStylesheets().add(MergeGateDialog.class.getResource(STYLESHEET).toExternalForm());
    // A filter, so that the keys work wherever focus is, the reason field included.
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            enterHeldAtOpen = false;
          }
        });
    stage.setScene(scene);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    // Focus starts on the evidence, never on a button: a stray Enter or Space answers nothing.
    stage.setOnShown(e -> evidence.requestFocus());
  }

  /** Shows the dialog (or brings it to the front); on the FX thread. */
  public void show() {
    if (stage.isShowing()) {
      stage.toFront();
    } else {
      stage.show();
    }
  }

  /**
   * The gate opens while Enter is held down in the main window: Ctrl+Enter approves nothing until
   * Enter has been released here, so a key repeat never approves a merge nobody looked at.
   */
  public void ignoreApprovalUntilEnterReleased() {
    enterHeldAtOpen = true;
  }

  /** Enter was released (seen by the window that had the keyboard): Ctrl+Enter approves again. */
  public void enterReleased() {
    enterHeldAtOpen = false;
  }

  /**
   * Where to say (on the FX thread) that an answer given here was not taken because the question
   * had been answered elsewhere or withdrawn meanwhile (the dialog has closed by then).
   */
  public void onNotTaken(Consumer<String> say) {
    notTaken = Objects.requireNonNull(say, "say");
  }

  /** Whether the supervisor answered here (the answer may still be on its way to the engine). */
  public boolean answered() {
    return answered;
  }

  /** Closes the dialog without answering (the question was withdrawn or answered elsewhere). */
  public void close() {
    stage.close();
  }

  public Stage stage() {
    return stage;
  }

  private void onKey(KeyEvent e) {
    if (APPROVE.match(e)) {
      e.consume();
      if (enterHeldAtOpen) {
        say(
            "The gate opened while Enter was held down: nothing was approved. Release it, read"
                + " the evidence, then Ctrl+Enter.");
        return;
      }
      approve();
    } else if (REASON.match(e)) {
      e.consume();
      reason.requestFocus();
      reason.selectAll();
    } else if (END_RUN.match(e)) {
      e.consume();
      endRun();
    } else if (e.getCode() == KeyCode.ESCAPE && reason.isFocused()) {
      e.consume();
      evidence.requestFocus();
    }
  }

  private void approve() {
    answer("approval", merge::approve);
  }

  private void rejectToAgent() {
    String text = reasonOrComplain("the agent reads it to fix the data");
    if (text != null) {
      answer("rejection", () -> merge.rejectToAgent(text));
    }
  }

  private void endRun() {
    String text = reasonOrComplain("the transcript keeps it as why the run ended");
    if (text != null) {
      answer("refusal", () -> merge.rejectAndEnd(text));
    }
  }

  /** The reason, or null after saying (inline, at the field) that one is needed. */
  private String reasonOrComplain(String why) {
    String text = reason.getText() == null ? "" : reason.getText().strip();
    if (text.isEmpty()) {
      reasonError.setText("Write a reason first (nothing was sent): " + why + ".");
      reasonError.setVisible(true);
      reasonError.setManaged(true);
      reason.pseudoClassStateChanged(Styles.STATE_DANGER, true);
      reason.requestFocus();
      return null;
    }
    return text;
  }

  private void answer(String what, BooleanSupplier give) {
    if (answered) {
      return;
    }
    answered = true;
    approve.setDisable(true);
    refusal.setDisable(true);
    answers.execute(
        () -> {
          if (!give.getAsBoolean()) {
            String why = merge.withdrawn() ? "withdrawn" : "already answered";
            Platform.runLater(
                () ->
                    notTaken.accept(
                        "Your merge "
                            + what
                            + " came too late: the question was "
                            + why
                            + " (see the run). Nothing was merged by it."));
          }
        });
    close();
  }

  /** The reason field with the two refusals that use it. */
  private HBox refusalBar() {
    reason.setPromptText("Why refuse? The agent reads it; the transcript keeps it");
    reason.setId("merge-reason");
    reason.getStyleClass().add("merge-reason");
    reason.setOnAction(e -> rejectToAgent());
    reason.textProperty().addListener((o, was, now) -> hideError());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button reject =
        button(
            "Reject to agent",
            "Ctrl+R, Enter",
            MaterialDesignK.KEYBOARD_RETURN,
            "button-outlined",
            "reject");
    reject.setOnAction(e -> rejectToAgent());
    Button end =
        button("End run, keep branch", "Ctrl+.", MaterialDesignS.STOP, "danger", "end-run");
    end.getStyleClass().add("button-outlined");
    end.setOnAction(e -> endRun());
    HBox bar = new HBox(reason, reject, end);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("merge-actions");
    return bar;
  }

  private VBox footer() {
    reasonError.setId("merge-reason-error");
    reasonError.getStyleClass().add("merge-reason-error");
    reasonError.setWrapText(true);
    hideError();
    Label hint =
        new Label(
            "Ctrl+R writes a reason; Enter sends it to the agent; Esc leaves the field."
                + " Closing this window answers nothing: the merge stays open and can be"
                + " reopened from the main window.");
    hint.setWrapText(true);
    hint.getStyleClass().add("merge-hint");
    HBox.setHgrow(hint, Priority.ALWAYS);
    HBox approving = new HBox(approve, hint);
    approving.setAlignment(Pos.CENTER_LEFT);
    approving.getStyleClass().add("merge-actions");
    notice.setId("merge-notice");
    notice.getStyleClass().add("merge-reason-error");
    notice.setWrapText(true);
    notice.setVisible(false);
    notice.setManaged(false);
    VBox footer = new VBox(notice, approving, refusal, reasonError);
    footer.getStyleClass().add("merge-footer");
    return footer;
  }

  /** Says {@code text} above the answers (an answer refused or not taken). */
  private void say(String text) {
    notice.setText(text);
    notice.setVisible(true);
    notice.setManaged(true);
  }

  private void hideError() {
    reasonError.setVisible(false);
    reasonError.setManaged(false);
    reason.pseudoClassStateChanged(Styles.STATE_DANGER, false);
  }

  private static Button button(String text, String keys, Ikon icon, String style, String id) {
    return KeyedButton.of(text, keys, icon, style, "merge-" + id);
  }
}
