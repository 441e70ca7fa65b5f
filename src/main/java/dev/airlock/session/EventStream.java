package dev.airlock.session;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunEvent.Notice.Severity;
import dev.airlock.agent.RunListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run's events in one order. Every part of the engine emits here, from whatever thread it runs
 * on (the run's worker, the gateway's connections, the sandbox's output pumps, the post-merge
 * check). Each event is first handed, under one lock, to the run's own records ({@code sinks}: the
 * journal the gates consult, the transcript), which therefore see the exact order subscribers see;
 * then it is queued for the subscribers, which receive it on the stream's own thread, {@code
 * airlock-events-RUN}, one event at a time.
 *
 * <p>The run's end is recorded last: its {@link RunEvent.RunFinished} is held back until {@link
 * #close}, so what the sandbox, the gateway or an abandoned wait still report while the run is
 * released (a withdrawn question, a refused call) comes before it, for the records and the
 * subscribers alike.
 *
 * <p>A slow subscriber does not make the queue grow with the agent's output: live-only text ({@link
 * RunEvent.OutputChunk}, {@link RunEvent.ModelToken}) waiting in the queue is joined with the next
 * piece of the same stream, so it holds at most what the sandbox's output cap and the model's
 * answer let through, in a few large events instead of millions of tiny ones.
 *
 * <p>Subscribers are isolated: one that throws (anything, errors included) is detached, and the
 * others (and the transcript) are told with a {@link RunEvent.Notice}. A sink that throws (the
 * transcript cannot be written) is reported to {@code sinkFailed}, which stops the run: a run that
 * cannot be recorded does not go on.
 */
final class EventStream implements RunListener {
  private static final Object END = new Object();

  /** Live text joined in the queue up to this many characters per event. */
  static final int JOINED_TEXT_LIMIT = 64 * 1024;

  private final List<RunListener> sinks;
  private final Consumer<RuntimeException> sinkFailed;
  private final Clock clock;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private final Thread thread;
  private final Object order = new Object();
  private RunEvent.RunFinished finished;
  private boolean closed;

  EventStream(
      String runId, List<RunListener> sinks, Consumer<RuntimeException> sinkFailed, Clock clock) {
    this.sinks = List.copyOf(sinks);
    this.sinkFailed = sinkFailed;
    this.clock = clock;
    this.thread = new Thread(this::deliver, "airlock-events-" + runId);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** A subscriber's handle: cancel it to stop receiving events. */
  final class Subscriber implements Subscription {
    private final RunListener listener;

    private Subscriber(RunListener listener) {
      this.listener = listener;
    }

    @Override
    public void cancel() {
      subscribers.remove(this);
    }
  }

  /**
   * Live text waiting in the queue, joined with the pieces of the same stream that follow it; made
   * into one event when delivered.
   */
  private static final class JoinedText {
    private final int turn;
    private final Instant at;
    private final String stream; // null for model tokens
    private final StringBuilder text = new StringBuilder();

    private JoinedText(int turn, Instant at, String stream, String first) {
      this.turn = turn;
      this.at = at;
      this.stream = stream;
      this.text.append(first);
    }

    static JoinedText of(RunEvent event) {
      if (event instanceof RunEvent.OutputChunk c) {
        return new JoinedText(c.turn(), c.at(), c.stream(), c.text());
      }
      if (event instanceof RunEvent.ModelToken t) {
        return new JoinedText(t.turn(), t.at(), null, t.text());
      }
      return null;
    }

    /** Joins {@code event} to this text when it continues it; false otherwise. */
    boolean join(RunEvent event) {
      if (text.length() >= JOINED_TEXT_LIMIT) {
        return false;
      }
      if (event instanceof RunEvent.OutputChunk c
          && c.turn() == turn
          && stream != null
          && stream.equals(c.stream())) {
        text.append(c.text());
        return true;
      }
      if (event instanceof RunEvent.ModelToken t && t.turn() == turn && stream == null) {
        text.append(t.text());
        return true;
      }
      return false;
    }

    RunEvent event() {
      return stream == null
          ? new RunEvent.ModelToken(turn, at, text.toString())
          : new RunEvent.OutputChunk(turn, at, stream, text.toString());
    }
  }

  Subscription subscribe(RunListener listener) {
    Subscriber s = new Subscriber(listener);
    subscribers.add(s);
    return s;
  }

  @Override
  public void onEvent(RunEvent event) {
    List<RuntimeException> failures;
    synchronized (order) {
      if (closed) {
        return;
      }
      if (event instanceof RunEvent.RunFinished end) {
        // Recorded and delivered by close(), after everything released with the run.
        finished = end;
        return;
      }
      failures = record(event);
    }
    failures.forEach(sinkFailed);
  }

  /** Hands {@code event} to the sinks and queues it; under {@code order}. */
  private List<RuntimeException> record(RunEvent event) {
    List<RuntimeException> failures = new ArrayList<>();
    for (RunListener sink : sinks) {
      try {
        sink.onEvent(event);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    Object last = queue.peekLast();
    if (!(last instanceof JoinedText joined && joined.join(event))) {
      JoinedText text = JoinedText.of(event);
      queue.addLast(text != null ? text : event);
      if (queue.size() == 1) {
        // The delivery thread waits only on an empty queue: wake it when the queue fills again,
        // not once per event (a handoff per event doubled the engine's cost per turn).
        order.notifyAll();
      }
    }
    return failures;
  }

  /**
   * Records the run's end (when it came), delivers everything emitted so far, then stops the
   * stream's thread; later events are dropped. Waits at most {@code seconds} for slow subscribers,
   * then interrupts the one that holds the stream up.
   */
  void close(long seconds) {
    List<RuntimeException> failures = List.of();
    synchronized (order) {
      if (closed) {
        return;
      }
      if (finished != null) {
        failures = record(finished);
      }
      closed = true;
      queue.addLast(END);
      order.notifyAll();
    }
    failures.forEach(sinkFailed);
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(seconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
  }

  /** True when called on the thread that delivers events to subscribers. */
  boolean onDeliveryThread() {
    return Thread.currentThread() == thread;
  }

  /** Everything queued now, taken under one lock (at least one item; waits for it). */
  private List<Object> nextBatch() throws InterruptedException {
    synchronized (order) {
      while (queue.isEmpty()) {
        order.wait();
      }
      List<Object> batch = new ArrayList<>(queue);
      queue.clear();
      return batch;
    }
  }

  private void deliver() {
    while (true) {
      List<Object> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        return;
      }
      for (Object next : batch) {
        if (next == END) {
          return;
        }
        deliver(next instanceof JoinedText text ? text.event() : (RunEvent) next);
      }
    }
  }

  private void deliver(RunEvent event) {
    for (Subscriber s : subscribers) {
      try {
        s.listener.onEvent(event);
      } catch (Throwable e) {
        // Errors too: a listener's stack overflow must not end delivery to every other one.
        s.cancel();
        onEvent(
            new RunEvent.Notice(
                event.turn(),
                clock.instant(),
                Severity.ERROR,
                "a listener of this run failed on a "
                    + event.getClass().getSimpleName()
                    + " event and was detached (the run goes on): "
                    + e));
      }
    }
  }
}
