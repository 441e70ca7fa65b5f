package dev.airlock.session;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunEvent.Notice.Severity;
import dev.airlock.agent.RunListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>Subscribers are isolated: one that throws is detached, and the others (and the transcript) are
 * told with a {@link RunEvent.Notice}. A sink that throws (the transcript cannot be written) is
 * reported to {@code sinkFailed}, which stops the run: a run that cannot be recorded does not go
 * on.
 */
final class EventStream implements RunListener {
  private static final Object END = new Object();

  private final List<RunListener> sinks;
  private final Consumer<RuntimeException> sinkFailed;
  private final Clock clock;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final Object order = new Object();
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

  Subscription subscribe(RunListener listener) {
    Subscriber s = new Subscriber(listener);
    subscribers.add(s);
    return s;
  }

  @Override
  public void onEvent(RunEvent event) {
    List<RuntimeException> failures = new ArrayList<>();
    synchronized (order) {
      if (closed) {
        return;
      }
      for (RunListener sink : sinks) {
        try {
          sink.onEvent(event);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
      queue.add(event);
    }
    failures.forEach(sinkFailed);
  }

  /**
   * Delivers everything emitted so far, then stops the stream's thread; later events are dropped.
   * Waits at most {@code seconds} for slow subscribers.
   */
  void close(long seconds) {
    synchronized (order) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(END);
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(seconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True when called on the thread that delivers events to subscribers. */
  boolean onDeliveryThread() {
    return Thread.currentThread() == thread;
  }

  private void deliver() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == END) {
        return;
      }
      RunEvent event = (RunEvent) next;
      for (Subscriber s : subscribers) {
        try {
          s.listener.onEvent(event);
        } catch (RuntimeException | LinkageError | AssertionError e) {
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
}
