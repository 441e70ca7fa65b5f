package dev.airlock.ui.budget;

import dev.airlock.agent.PendingBudget;
import dev.airlock.ui.Themes;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The one budget dialog the console may have open: opened when a budget question arrives, opened
 * again (Ctrl+Enter, the action bar's Budget… button) after Esc closed it, closed with a word when
 * the question is settled elsewhere (the run was stopped and withdrew it).
 */
public final class BudgetWindow {
  private final Stage owner;
  private final Executor answers;
  private final Consumer<String> say;
  private final Runnable refresh;
  private BudgetDialog dialog;
  private PendingBudget pending;

  public BudgetWindow(Stage owner, Executor answers, Consumer<String> say, Runnable refresh) {
    this.owner = owner;
    this.answers = answers;
    this.say = say;
    this.refresh = refresh;
  }

  /** Opens (or brings back) the dialog for {@code question}; {@code enterDown}: Enter is held. */
  public void open(PendingBudget question, boolean enterDown) {
    if (dialog == null || pending != question) {
      close();
      pending = question;
      dialog = new BudgetDialog(owner, question, answers);
      dialog.onNotTaken(say);
      dialog.stage().setOnHidden(e -> Platform.runLater(this::hidden));
    } else if (dialog.answered()) {
      say.accept("Your answer to the budget question is on its way");
      return;
    }
    if (enterDown) {
      dialog.ignoreEnterUntilReleased();
    }
    Themes.apply(dialog.stage().getScene());
    dialog.show();
  }

  /** The dialog closed: by Esc (the question stays open; say how to come back) or by an answer. */
  private void hidden() {
    if (pending != null && pending.isOpen() && dialog != null && !dialog.answered()) {
      say.accept(waiting());
    }
    refresh.run();
  }

  /** "The run waits for a budget decision: ...", the words for the action bar. */
  public static String waiting() {
    return "The run waits for a budget decision: it reached its budget (Ctrl+Enter or Budget… to"
        + " extend or stop)";
  }

  /** After a batch of events: closes the dialog if its question was settled elsewhere. */
  public void settle() {
    if (dialog == null || pending.isOpen()) {
      return;
    }
    if (!dialog.answered()) {
      say.accept(
          "The budget dialog closed: the question was "
              + (pending.withdrawn() ? "withdrawn" : "answered elsewhere")
              + " before you answered it");
    }
    close();
  }

  /** Enter went up in the main window before the dialog took the keyboard. */
  public void enterReleased() {
    if (dialog != null) {
      dialog.enterReleased();
    }
  }

  /** The dialog's scene while it exists (the theme switches it too), else null. */
  public Scene scene() {
    return dialog == null ? null : dialog.stage().getScene();
  }

  public void close() {
    BudgetDialog d = dialog;
    dialog = null;
    pending = null;
    if (d != null) {
      d.close();
    }
  }
}
