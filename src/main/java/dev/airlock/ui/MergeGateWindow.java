package dev.airlock.ui;

import dev.airlock.agent.PendingMerge;
import dev.airlock.ui.merge.MergeGateDialog;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The one merge gate the console may have open: opened when a merge waits, shown again (Ctrl+M)
 * after the window manager closed it, closed with a word when its question is settled elsewhere. An
 * Enter held down when it opens does not approve the merge by its repeats.
 */
final class MergeGateWindow {
  private final Stage owner;
  private final Executor answers;
  private final Consumer<String> say;
  private final Runnable refresh;
  private MergeGateDialog dialog;
  private RunEntry entry;
  private PendingMerge merge;

  MergeGateWindow(Stage owner, Executor answers, Consumer<String> say, Runnable refresh) {
    this.owner = owner;
    this.answers = answers;
    this.say = say;
    this.refresh = refresh;
  }

  /** Opens (or brings back) the gate for {@code merge}; {@code enterDown}: Enter is held now. */
  void open(RunEntry entry, PendingMerge merge, boolean enterDown) {
    if (dialog != null && this.merge == merge) {
      if (dialog.answered()) {
        say.accept("Your answer to the merge is on its way");
        return;
      }
      if (enterDown) {
        dialog.ignoreApprovalUntilEnterReleased();
      }
      dialog.stage().show();
      dialog.stage().toFront();
      return;
    }
    close();
    this.entry = entry;
    this.merge = merge;
    dialog = new MergeGateDialog(owner, merge, answers);
    dialog.onNotTaken(say);
    if (enterDown) {
      // The gate opens under a held Enter (the last turn's approval, or Ctrl+Enter on "Review
      // merge"): its repeats must not approve the merge.
      dialog.ignoreApprovalUntilEnterReleased();
    }
    dialog.stage().setOnHidden(e -> Platform.runLater(refresh));
    Themes.apply(dialog.stage().getScene());
    dialog.show();
  }

  /**
   * After a batch of {@code of}'s events: closes the gate if its question was settled elsewhere.
   */
  void settle(RunEntry of) {
    if (dialog == null || entry != of || merge.isOpen()) {
      return;
    }
    if (!dialog.answered()) {
      say.accept(
          "The merge gate closed: the merge question was "
              + (merge.withdrawn() ? "withdrawn" : "answered elsewhere")
              + " before you answered it; nothing was merged from the gate");
    }
    close();
  }

  /** Enter went up in the main window before the gate took the keyboard. */
  void enterReleased() {
    if (dialog != null) {
      dialog.enterReleased();
    }
  }

  /** The gate's scene while it is open (the theme switches it too), else null. */
  Scene scene() {
    return dialog == null ? null : dialog.stage().getScene();
  }

  void close() {
    if (dialog != null) {
      dialog.close();
    }
    dialog = null;
    entry = null;
    merge = null;
  }
}
