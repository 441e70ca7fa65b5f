package dev.airlock.agent;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a blocking call (a model request, a supervisor's review) on a helper thread so that a stop
 * can abandon the wait at once, whatever the call is blocked on (a socket, a terminal prompt).
 */
final class Interruptible implements AutoCloseable {
  /** How long a stop waits for an abandoned call to unwind before the run ends without it. */
  private static final long ABANDON_GRACE_MS = 500;

  private final ExecutorService executor;
  private volatile Thread waiter;
  private volatile boolean interrupted;

  Interruptible(String name) {
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name + "-wait");
              t.setDaemon(true);
              return t;
            });
  }

  <T, E extends Exception> T await(Callable<T> work, Class<E> passThrough) throws E {
    waiter = Thread.currentThread();
    if (interrupted) {
      waiter = null;
      throw new AgentRun.StoppedException();
    }
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<T> answered = new AtomicReference<>();
    AtomicBoolean ok = new AtomicBoolean();
    Future<T> future =
        executor.submit(
            () -> {
              try {
                T value = work.call();
                answered.set(value);
                ok.set(true);
                return value;
              } finally {
                finished.countDown();
              }
            });
    try {
      return future.get();
    } catch (InterruptedException e) {
      // Give the call a moment before abandoning it: an answer that came just before the stop
      // (an approval) is returned and goes on record; a withdrawn question unwinds at once; what
      // the call still reports reaches the record before the run's end does.
      try {
        if (finished.await(ABANDON_GRACE_MS, TimeUnit.MILLISECONDS) && ok.get()) {
          return answered.get();
        }
      } catch (InterruptedException again) {
        // stopping anyway
      }
      future.cancel(true);
      throw new AgentRun.StoppedException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (passThrough.isInstance(cause)) {
        throw passThrough.cast(cause);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      // Under the same lock as interrupt(): a stop arriving now cannot leave a stray interrupt
      // on the run thread (it would break the next interruptible write, e.g. the transcript).
      synchronized (this) {
        waiter = null;
        Thread.interrupted();
      }
    }
  }

  void interrupt() {
    interrupted = true;
    synchronized (this) {
      Thread w = waiter;
      if (w != null) {
        w.interrupt();
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
