package dev.airlock.ui;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.session.RunSession;
import dev.airlock.ui.budget.BudgetWindow;
import dev.airlock.ui.code.CodePane;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * The supervisor's answers from the main window: approve (the code as it stands in the code pane),
 * reject with feedback, stop, edit, review the merge. Each acts only on what is on screen (a
 * waiting turn not shown is brought up first), and a question that arrives while Enter is held down
 * is not approved by the key's repeats. Answers run on the {@code answers} executor.
 */
final class Decisions {

  /** What the decisions need of the window. */
  interface Window {
    /** The selected run, or null. */
    RunEntry current();

    void showTurn(RunEntry entry);

    void refresh();
  }

  private final Window window;
  private final CodePane code;
  private final ActionBar actions;
  private final MergeGateWindow gate;
  private final BudgetWindow budget;
  private final Executor answers;

  /** Enter is down in this window: pressed here and not released (key repeat keeps it down). */
  private boolean enterDown;

  /**
   * The question that arrived while Enter was down: Ctrl+Enter does not approve it until Enter has
   * been released, so a held (repeating) or late Ctrl+Enter never answers code nobody saw.
   */
  private PendingDecision arrivedUnderEnter;

  Decisions(
      Window window,
      CodePane code,
      ActionBar actions,
      MergeGateWindow gate,
      BudgetWindow budget,
      Executor answers) {
    this.window = window;
    this.code = code;
    this.actions = actions;
    this.gate = gate;
    this.budget = budget;
    this.answers = answers;
  }

  /** Enter went down (before its action runs: an Enter that opens the merge gate is down). */
  void enterPressed() {
    enterDown = true;
  }

  /** Enter went up in the main window. */
  void enterReleased() {
    enterDown = false;
    arrivedUnderEnter = null;
    gate.enterReleased(); // released before the gate took the keyboard
    budget.enterReleased();
  }

  /** The window lost the keyboard: a release there is never seen here, so start afresh. */
  void keyboardLost() {
    enterDown = false;
  }

  /** A new question arrived for the person. */
  void asked(PendingDecision question) {
    actions.say(null);
    if (enterDown) {
      arrivedUnderEnter = question;
    }
  }

  /** Ctrl+M: the merge gate again while a merge waits. */
  void reviewMerge() {
    if (openQuestion() instanceof PendingMerge merge) {
      gate.open(window.current(), merge, enterDown);
    } else {
      actions.say("No merge waits");
    }
  }

  /** A merge now waits in {@code entry}: its gate opens. */
  void mergeAsked(RunEntry entry, PendingMerge merge) {
    gate.open(entry, merge, enterDown);
  }

  /** The run reached its budget: the budget dialog opens (Ctrl+Enter opens it again). */
  void budgetAsked(PendingBudget question) {
    budget.open(question, enterDown);
  }

  PendingDecision openQuestion() {
    PendingDecision q = window.current() == null ? null : window.current().model.waiting();
    return q != null && q.isOpen() ? q : null;
  }

  void approve() {
    PendingApproval approval = approvable();
    if (approval == null) {
      return;
    }
    String text = code.text();
    boolean edited = code.edited();
    code.setEditable(false);
    actions.say(edited ? "Approved with your edit" : "Approved");
    answer(() -> edited ? approval.approveEdited(text) : approval.approve());
  }

  /**
   * Approve &amp; relax: approves as Ctrl+Enter does and makes {@code to} decide from the next
   * decision on, as one step of the engine (a question answered or withdrawn meanwhile is neither
   * approved nor relaxed); {@code approved} runs on the FX thread when both happened.
   */
  void approveAndRelax(ApprovalPolicy to, Runnable approved) {
    PendingApproval approval = approvable();
    if (approval == null) {
      return;
    }
    RunSession session = window.current().session;
    String text = code.text();
    boolean edited = code.edited();
    code.setEditable(false);
    actions.say(edited ? "Approved with your edit" : "Approved");
    answer(
        () -> {
          boolean done = session.approveAndChangePolicy(approval.id(), edited ? text : null, to);
          if (done) {
            Platform.runLater(approved);
          }
          return done;
        });
  }

  /**
   * The approval Ctrl+Enter would answer now, with the code on screen; null (and a word why, or the
   * merge gate or budget dialog opened instead) when it would not approve.
   */
  private PendingApproval approvable() {
    PendingDecision q = openQuestion();
    if (q instanceof PendingMerge merge) {
      gate.open(window.current(), merge, enterDown);
      return null;
    }
    if (q instanceof PendingBudget question) {
      budget.open(question, enterDown);
      return null;
    }
    if (!(q instanceof PendingApproval approval)) {
      actions.say("Nothing waits for approval");
      return null;
    }
    if (q == arrivedUnderEnter) {
      actions.say(
          "Turn "
              + approval.turn()
              + " arrived while Enter was held down: nothing was approved. Release it, review"
              + " the code, then Ctrl+Enter");
      return null;
    }
    if (!showWaiting(approval)) {
      actions.say("Turn " + approval.turn() + " waits: review its code, then Ctrl+Enter again");
      return null;
    }
    if (code.edited() && code.text().isBlank()) {
      actions.say("The edited code is empty: nothing would run. Edit again or reject");
      return null;
    }
    return approval;
  }

  void startReject() {
    if (!(openQuestion() instanceof PendingApproval approval)) {
      actions.say(
          openQuestion() instanceof PendingMerge
              ? "A merge waits: reject it in the merge gate (Ctrl+M)"
              : "Nothing waits for approval");
      return;
    }
    showWaiting(approval); // the code being rejected is on screen while the feedback is written
    actions.feedback.requestFocus();
  }

  /** Shows {@code approval}'s turn; false when the panes showed another turn until now. */
  private boolean showWaiting(PendingApproval approval) {
    if (window.current().selectedTurn == approval.turn()) {
      return true;
    }
    RunEntry current = window.current();
    current.selectedTurn = approval.turn();
    current.follow = true;
    window.showTurn(window.current());
    window.refresh();
    return false;
  }

  void reject() {
    if (!(openQuestion() instanceof PendingApproval approval)) {
      actions.say("Nothing waits for approval");
      return;
    }
    if (!showWaiting(approval)) {
      actions.say(
          "Turn "
              + approval.turn()
              + " waits: review its code, then Enter again to reject it (your feedback is kept)");
      return;
    }
    String feedback = actions.feedback.getText().strip();
    if (feedback.isEmpty()) {
      actions.say("Write what the model should do differently, then Enter");
      actions.feedback.requestFocus();
      return;
    }
    actions.feedback.clear();
    actions.say("Rejected: the feedback goes to the model");
    answer(() -> approval.reject(feedback));
  }

  void cancelReject() {
    actions.feedback.clear();
    actions.say(null);
    code.focusEditor();
  }

  void stop() {
    if (window.current() != null && window.current().starting()) {
      window.current().stopAsked =
          "stopped by the supervisor from the console while it was starting";
      actions.say("Stopping: the run ends as soon as it has started, before any model call");
      window.refresh();
      return;
    }
    if (window.current() == null || !window.current().live()) {
      actions.say("No live run to stop");
      return;
    }
    RunSession session = window.current().session;
    actions.say("Stopping the run");
    answer(
        () -> {
          session.stop("stopped by the supervisor from the console");
          return true;
        });
  }

  void edit() {
    if (openQuestion() instanceof PendingApproval approval) {
      if (window.current().selectedTurn != approval.turn()) {
        window.current().selectedTurn = approval.turn();
        window.showTurn(window.current());
        window.refresh();
      }
      code.focusEditor();
    } else {
      actions.say("The code is editable only while a turn waits for approval");
    }
  }

  /** Runs {@code action} on the answers thread; false from it means someone answered first. */
  private void answer(BooleanSupplier action) {
    answers.execute(
        () -> {
          try {
            if (!action.getAsBoolean()) {
              Platform.runLater(
                  () -> actions.say("Already answered (or withdrawn): nothing was changed"));
            }
          } catch (RuntimeException e) {
            Platform.runLater(() -> actions.say(e.getMessage()));
          }
          Platform.runLater(window::refresh);
        });
  }
}
