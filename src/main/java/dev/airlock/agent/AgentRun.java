package dev.airlock.agent;

import dev.airlock.agent.RunEvent.Notice.Severity;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ModelException;
import dev.airlock.model.ModelResponse;
import dev.airlock.model.TokenListener;
import dev.airlock.model.Usage;
import dev.airlock.sandbox.ExecutionControl;
import dev.airlock.sandbox.ExecutionRequest;
import dev.airlock.sandbox.ExecutionResult;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * One agent run: an explicit state machine per turn (asking the model, proposal, awaiting approval,
 * executing, observed; or done claimed) with a turn cap and a cooperative stop. Runs on the thread
 * that calls {@link #run()}; {@link #stop} may be called from any thread and takes effect at once
 * (a running execution is killed, a pending model call or review is abandoned).
 *
 * <p>The model's mistakes (format errors, failing code, rejected proposals) go back to the model
 * and the loop goes on; failures of the machinery end the run with a reason a human can act on.
 */
public final class AgentRun {
  private final RunConfig config;
  private final ModelClient model;
  private final Sandbox sandbox;
  private final Supervisor supervisor;
  private final TurnHooks hooks;
  private final RunEvents events;
  private final Conversation conversation;
  private final ResponseParser parser = new ResponseParser();
  private final RiskDetector risks = new RiskDetector();
  private final Feedback feedback;
  private final Interruptible waits;
  private final String branch;
  private final BudgetGuard budget;

  private volatile TurnPhase phase;
  private volatile RunStatus status = RunStatus.RUNNING;
  private volatile String stopReason;
  private volatile ExecutionControl currentExecution;
  private Usage usage = Usage.NONE;
  private Double cost;

  public AgentRun(
      RunConfig config,
      Conversation conversation,
      String branch,
      ModelClient model,
      Sandbox sandbox,
      Supervisor supervisor,
      TurnHooks hooks,
      RunListener listener,
      Clock clock) {
    this.config = config;
    this.conversation = conversation;
    this.branch = branch;
    this.model = model;
    this.sandbox = sandbox;
    this.supervisor = supervisor;
    this.hooks = hooks;
    this.events = new RunEvents(listener, clock);
    this.feedback = new Feedback(config.outputBudget());
    this.waits = new Interruptible("airlock-run-" + config.runId());
    this.budget = new BudgetGuard(config.budget(), events, supervisor, waits, this::checkStopped);
  }

  public TurnPhase phase() {
    return phase;
  }

  public RunStatus status() {
    return status;
  }

  /** Stops the run cooperatively: kills a running execution, abandons a pending wait. */
  public void stop(String reason) {
    stop(reason, () -> {});
  }

  /**
   * Stops the run as {@link #stop(String)} does, running {@code withdraw} (which answers the open
   * questions) after the run knows it is stopping and before its waits are interrupted: a
   * question's waiter then sees the answer and the stop together, and whatever the answer makes the
   * engine record is recorded before the run's end.
   */
  public void stop(String reason, Runnable withdraw) {
    synchronized (this) {
      if (stopReason == null) {
        // The first reason stands: later stops (a withdrawn question ending the run) follow it.
        stopReason = reason == null || reason.isBlank() ? "stopped by the supervisor" : reason;
      }
    }
    withdraw.run();
    ExecutionControl running = currentExecution;
    if (running != null) {
      running.cancel();
    }
    waits.interrupt();
  }

  /** Runs to the end and returns how it ended. Emits {@link RunEvent.RunFinished} last. */
  public RunOutcome run(RunEvent.RunStarted started) {
    events.emit(started);
    RunOutcome outcome;
    try {
      outcome = loop();
    } catch (StoppedException e) {
      outcome = finish(RunStatus.STOPPED, stopReason, RunOutcome.Failure.AGENT, null);
    } catch (RuntimeException e) {
      // A failure of the machinery (a listener, a gate, the terminal): the run still ends on
      // record.
      outcome =
          finish(RunStatus.FAILED, "internal error: " + e, RunOutcome.Failure.INFRASTRUCTURE, null);
    } finally {
      waits.close();
    }
    return outcome;
  }

  private RunOutcome loop() {
    int formatErrors = 0;
    while (turn() < config.maxTurns()) {
      checkStopped();
      if (budget.spent(turn(), usage, cost)) {
        return finish(RunStatus.BUDGET, budget.reason(), RunOutcome.Failure.AGENT, null);
      }
      int turn = conversation.startNextTurn();
      ModelResponse response;
      try {
        response = ask(turn);
      } catch (ModelException e) {
        return finish(RunStatus.FAILED, e.getMessage(), RunOutcome.Failure.of(e), null);
      }
      ParsedResponse parsed = parser.parse(response.text());
      events.emit(
          new RunEvent.ResponseParsed(
              turn,
              events.now(),
              parsed.kind(),
              parsed.reasoning(),
              parsed.packages(),
              parsed.code(),
              parsed.done(),
              parsed.error()));
      switch (parsed.kind()) {
        case FORMAT_ERROR -> {
          formatErrors++;
          enter(turn, TurnPhase.FORMAT_ERROR);
          events.emit(
              new RunEvent.Notice(
                  turn,
                  events.now(),
                  Severity.WARNING,
                  "format error "
                      + formatErrors
                      + " of "
                      + config.maxFormatErrors()
                      + ": "
                      + parsed.error()));
          if (formatErrors >= config.maxFormatErrors()) {
            return finish(
                RunStatus.FAILED,
                formatErrors + " format errors in a row; last: " + parsed.error(),
                RunOutcome.Failure.AGENT,
                null);
          }
          conversation.add(
              ChatMessage.user(
                  feedback.formatError(parsed.error(), formatErrors, config.maxFormatErrors())));
        }
        case DONE -> {
          enter(turn, TurnPhase.DONE_CLAIMED);
          // Publishing may wait for a merge review: a stop abandons it like any other wait.
          String refusal = waits.await(() -> hooks.onDoneClaimed(turn), RuntimeException.class);
          checkStopped();
          if (refusal == null) {
            return finish(
                RunStatus.DONE, "the agent finished", RunOutcome.Failure.NONE, parsed.done());
          }
          events.emit(
              new RunEvent.Notice(
                  turn, events.now(), Severity.WARNING, "done not accepted: " + refusal));
          conversation.add(ChatMessage.user(refusal));
        }
        case PROPOSAL, PROPOSAL_AND_DONE -> {
          formatErrors = 0;
          RunOutcome ended = proposal(turn, parsed);
          if (ended != null) {
            return ended;
          }
        }
      }
    }
    return finish(
        RunStatus.FAILED,
        "reached the turn cap of " + config.maxTurns() + " turns without the agent finishing",
        RunOutcome.Failure.AGENT,
        null);
  }

  private ModelResponse ask(int turn) throws ModelException {
    enter(turn, TurnPhase.ASKING_MODEL);
    List<ChatMessage> messages = conversation.messages();
    events.emit(new RunEvent.ModelRequested(turn, events.now(), model.id(), messages));
    ModelResponse response =
        waits.await(
            () ->
                model.complete(
                    messages,
                    new TokenListener() {
                      @Override
                      public void onToken(String text) {
                        events.emit(new RunEvent.ModelToken(turn, events.now(), text));
                      }

                      @Override
                      public void onRestart(int attempt) {
                        events.emit(new RunEvent.StreamRestarted(turn, events.now(), attempt));
                      }
                    }),
            ModelException.class);
    usage = usage.plus(response.usage() == null ? Usage.NONE : response.usage());
    if (response.costUsd() != null) {
      cost = (cost == null ? 0 : cost) + response.costUsd();
    }
    events.emit(
        new RunEvent.ModelResponded(
            turn,
            events.now(),
            response.text(),
            response.usage(),
            response.costUsd(),
            response.latency() == null ? 0 : response.latency().toMillis(),
            response.attempts(),
            response.finishReason()));
    conversation.add(ChatMessage.assistant(response.text()));
    return response;
  }

  /** Returns the run's outcome when this turn ended the run, null to go on. */
  private RunOutcome proposal(int turn, ParsedResponse parsed) {
    enter(turn, TurnPhase.PROPOSAL);
    List<Risk> found = risks.scan(parsed.code());
    Proposal proposal =
        new Proposal(
            config.runId(), turn, parsed.reasoning(), parsed.packages(), parsed.code(), found);
    enter(turn, TurnPhase.AWAITING_APPROVAL);
    events.emit(
        new RunEvent.ApprovalRequested(
            turn,
            events.now(),
            supervisor.policy(),
            parsed.code(),
            Hashes.sha256(parsed.code()),
            found));
    Decision decision = waits.await(() -> supervisor.review(proposal), RuntimeException.class);
    if (Decision.WITHDRAWN_BY.equals(decision.by())) {
      // The run stopped before anyone answered: the withdrawal is on record, not a decision.
      checkStopped();
    }
    String executed = null;
    String reason = null;
    if (decision instanceof Decision.Approve) {
      executed = parsed.code();
    } else if (decision instanceof Decision.ApproveEdited edited) {
      executed = edited.code();
    } else if (decision instanceof Decision.Reject rejected) {
      reason = rejected.feedback();
    } else if (decision instanceof Decision.Stop stopped) {
      reason = stopped.reason();
    }
    String diff =
        decision instanceof Decision.ApproveEdited
            ? UnifiedDiff.between(parsed.code(), executed, "proposed.py", "executed.py")
            : null;
    events.emit(
        new RunEvent.Decided(
            turn,
            events.now(),
            decision.verdict(),
            decision.by(),
            parsed.code(),
            executed,
            executed == null ? null : Hashes.sha256(executed),
            diff,
            reason));
    if (decision instanceof Decision.Stop) {
      synchronized (this) {
        if (stopReason == null) {
          stopReason = reason == null || reason.isBlank() ? "stopped by " + decision.by() : reason;
        }
      }
      throw new StoppedException();
    }
    // An answer that came just before a stop is on record above; the code does not run.
    checkStopped();
    if (decision instanceof Decision.Reject) {
      enter(turn, TurnPhase.REJECTED);
      conversation.add(ChatMessage.user(feedback.rejection(reason)));
      return null;
    }
    return execute(turn, parsed, executed, diff);
  }

  private RunOutcome execute(int turn, ParsedResponse parsed, String code, String diff) {
    enter(turn, TurnPhase.EXECUTING);
    if (!sandbox.isolated()) {
      events.emit(
          new RunEvent.Notice(
              turn,
              events.now(),
              Severity.WARNING,
              "running WITHOUT isolation (turned off for this run): this code can read and change your machine"));
    }
    ExecutionControl control = new ExecutionControl();
    currentExecution = control;
    if (stopReason != null) {
      control.cancel();
    }
    events.emit(
        new RunEvent.ExecutionStarted(
            turn,
            events.now(),
            Hashes.sha256(code),
            sandbox.describe(),
            config.execTimeout().toMillis()));
    ExecutionResult result = null;
    SandboxUnavailableException unavailable = null;
    try {
      hooks.beforeExecution(turn, control);
      result =
          sandbox.execute(
              new ExecutionRequest(
                  code, parsed.packages(), config.execTimeout(), config.sandboxEnvironment()),
              (stream, chunk) ->
                  events.emit(
                      new RunEvent.OutputChunk(
                          turn, events.now(), stream.name().toLowerCase(Locale.ROOT), chunk)),
              control);
    } catch (SandboxUnavailableException e) {
      unavailable = e;
    } finally {
      hooks.afterExecution(turn);
      currentExecution = null;
    }
    if (unavailable != null) {
      return finish(
          RunStatus.FAILED, unavailable.getMessage(), RunOutcome.Failure.INFRASTRUCTURE, null);
    }
    events.emit(RunEvent.ExecutionFinished.of(turn, events.now(), result));
    enter(turn, TurnPhase.OBSERVED);
    checkStopped();
    conversation.add(
        ChatMessage.user(
            feedback.observation(
                result,
                diff,
                parsed.kind() == ParsedResponse.Kind.PROPOSAL_AND_DONE,
                sandbox.isolated())));
    return null;
  }

  private void enter(int turn, TurnPhase next) {
    phase = next;
    events.emit(new RunEvent.PhaseChanged(turn, events.now(), next));
  }

  private int turn() {
    return conversation.turns();
  }

  private void checkStopped() {
    if (stopReason != null) {
      throw new StoppedException();
    }
  }

  private RunOutcome finish(
      RunStatus end, String reason, RunOutcome.Failure failure, String summary) {
    status = end;
    events.emit(
        new RunEvent.RunFinished(
            turn(), events.now(), end, reason, turn(), usage, cost, branch, summary));
    return new RunOutcome(end, reason, turn(), usage, cost, branch, summary, failure);
  }

  /** Unwinds the loop when the supervisor stops the run. */
  static final class StoppedException extends RuntimeException {
    StoppedException() {
      super(null, null, false, false);
    }
  }
}
