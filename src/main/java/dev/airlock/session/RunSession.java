package dev.airlock.session;

import dev.airlock.agent.AgentRun;
import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.HumanSeat;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.SwitchableSupervisor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run, as every face drives it: {@link #subscribe} to its events, {@link #start} it, answer the
 * {@link PendingDecision}s it announces (from any thread), {@link #stop} it at any moment, and read
 * how it ended from {@link #outcome()}.
 *
 * <p>Threads: the run works on its own thread ({@code airlock-run-RUN}); listeners receive every
 * event, in order, on the stream's thread ({@code airlock-events-RUN}), and must not block it (a
 * face hands prompts and screen updates to its own thread). {@link #stop} ends every wait the run
 * can be in: a model call, an execution (its process tree is killed), an approval, a merge review,
 * the publish step of a done claim. Open questions are withdrawn on record. The outcome completes
 * after the last event was delivered, the transcript closed and the sandbox gone.
 */
public final class RunSession implements AutoCloseable {
  private final String runId;
  private final String branch;
  private final TranscriptSink transcript;
  private final EventStream stream;
  private final AgentRun run;
  private final RunEvent.RunStarted started;
  private final HumanSeat seat;
  private final SwitchableSupervisor approval;
  private final List<AutoCloseable> resources;
  private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
  private Thread worker;
  private boolean released;

  private RunSession(
      Parts parts,
      AgentRun run,
      RunEvent.RunStarted started,
      HumanSeat seat,
      SwitchableSupervisor approval,
      List<AutoCloseable> resources) {
    this.runId = parts.runId;
    this.branch = parts.branch;
    this.transcript = parts.transcript;
    this.stream = parts.stream;
    this.run = run;
    this.started = started;
    this.seat = seat;
    this.approval = approval;
    this.resources = List.copyOf(resources);
  }

  /** What the launcher builds a session from, in the order it needs them. */
  static final class Parts {
    private final String runId;
    private final String branch;
    private final TranscriptSink transcript;
    private final Clock clock;
    private EventStream stream;
    private volatile RunSession session;

    Parts(String runId, String branch, TranscriptSink transcript, Clock clock) {
      this.runId = runId;
      this.branch = branch;
      this.transcript = transcript;
      this.clock = clock;
    }

    EventStream openStream(List<RunListener> sinks) {
      stream =
          new EventStream(
              runId,
              sinks,
              failure -> {
                RunSession s = session;
                if (s != null) {
                  s.stop("the run could not be recorded: " + failure.getMessage());
                }
              },
              clock);
      return stream;
    }

    RunSession session(
        AgentRun run,
        RunEvent.RunStarted started,
        HumanSeat seat,
        SwitchableSupervisor approval,
        List<AutoCloseable> resources) {
      session = new RunSession(this, run, started, seat, approval, resources);
      return session;
    }
  }

  public String runId() {
    return runId;
  }

  /** The branch the task asks the agent to work on. */
  public String branch() {
    return branch;
  }

  /** Where the transcript is written (it exists once the run has started). */
  public Path transcript() {
    return transcript.file();
  }

  /** The run's first event, as it will be recorded: model, sandbox, policies, settings. */
  public RunEvent.RunStarted started() {
    return started;
  }

  /**
   * Delivers every later event to {@code listener} on the stream's thread. Subscribe before {@link
   * #start} to see the whole run. A listener that throws is detached and the run goes on.
   */
  public Subscription subscribe(RunListener listener) {
    return stream.subscribe(listener);
  }

  /** Starts the run on its own thread (once; later calls return the same outcome). */
  public synchronized CompletableFuture<RunOutcome> start() {
    if (worker == null && !released) {
      worker = new Thread(this::work, "airlock-run-" + runId);
      worker.start();
    }
    return outcome;
  }

  /** How the run ended; completes after everything the run held is released. */
  public CompletableFuture<RunOutcome> outcome() {
    return outcome;
  }

  /**
   * Stops the run wherever it waits, with {@code reason} on record. From any thread, at any time; a
   * session stopped before it starts ends STOPPED as soon as it starts.
   */
  public void stop(String reason) {
    String why = reason == null || reason.isBlank() ? "stopped by the supervisor" : reason;
    run.stop(why, () -> seat.withdrawAll(why));
  }

  /** The approval policy deciding now (it starts as the request's and may be changed). */
  public ApprovalPolicy approvalPolicy() {
    return approval.approval();
  }

  /**
   * Changes the run's approval policy from the next decision on, recorded as a {@link
   * RunEvent.PolicyChanged} with {@code by} ("human:alice"); a question already asked stays open
   * for its answer. False (nothing recorded) when {@code to} already decides or the run has ended.
   * From any thread; it never blocks on the run.
   */
  public boolean changePolicy(ApprovalPolicy to, String by) {
    if (outcome.isDone()) {
      return false;
    }
    return approval.change(to, by);
  }

  /** {@link #changePolicy(ApprovalPolicy, String)} by the person at this run's seat. */
  public boolean changePolicy(ApprovalPolicy to) {
    return changePolicy(to, seat.reviewer());
  }

  /**
   * Approve &amp; relax as one step: approves the code waiting under {@code questionId} ({@code
   * code} null: as proposed, else as edited, by the person at this run's seat) and changes the
   * approval policy to {@code to} from the next decision on, both or neither: false, and nothing
   * changed, when no open approval has that id (answered, withdrawn or never asked) or the run has
   * ended. Recorded as {@link RunEvent.PolicyChanged} (unless {@code to} already decides), then the
   * approval. A blank edit is refused with {@link IllegalArgumentException}, nothing changed. From
   * any thread; it never blocks on the run.
   */
  public boolean approveAndChangePolicy(String questionId, String code, ApprovalPolicy to) {
    if (outcome.isDone()) {
      return false;
    }
    for (PendingDecision q : seat.pending()) {
      if (q instanceof PendingApproval waiting && waiting.id().equals(questionId)) {
        return approval.approveAndChange(waiting, code, to, seat.reviewer());
      }
    }
    return false;
  }

  /**
   * The questions waiting for an answer now (also announced as {@link RunEvent.DecisionPending}).
   */
  public List<PendingDecision> pending() {
    return seat.pending();
  }

  /**
   * Stops a running session and waits (up to 30 s) for its outcome (from a listener, on the
   * stream's thread, it only stops); releases a session that never started (nothing was recorded).
   */
  @Override
  public void close() {
    boolean running;
    synchronized (this) {
      running = worker != null;
      if (!running) {
        if (released) {
          return;
        }
        released = true;
      }
    }
    if (!running) {
      seat.withdrawAll("the session was closed before the run started");
      try {
        release();
      } finally {
        outcome.cancel(false);
      }
      return;
    }
    if (!outcome.isDone()) {
      stop("the session was closed");
    }
    if (stream.onDeliveryThread()) {
      // A listener closing the session: the outcome waits for the stream, which waits for this
      // listener to return.
      return;
    }
    try {
      outcome.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | RuntimeException | ExecutionException e) {
      // The outcome says what happened; closing only waits for it.
    }
  }

  private void work() {
    RunOutcome ended = null;
    Throwable failure = null;
    try {
      ended = run.run(started);
    } catch (Throwable t) {
      failure = t;
    }
    try {
      seat.withdrawAll("the run ended");
      release();
    } catch (Throwable t) {
      // A face waiting for the outcome must hear it whatever closing did; a record that cannot be
      // closed after the run ended (each event was flushed as written) does not change that end.
      if (failure == null && ended == null) {
        failure = t;
      }
    } finally {
      if (failure != null) {
        outcome.completeExceptionally(failure);
      } else {
        outcome.complete(ended);
      }
    }
  }

  /** The sandbox and gateway first (their last events still reach the record), then the record. */
  private void release() {
    Launcher.closeQuietly(resources.toArray(AutoCloseable[]::new));
    stream.close(10);
    transcript.close();
  }
}
