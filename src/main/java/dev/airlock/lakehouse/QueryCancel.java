package dev.airlock.lakehouse;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A way to stop one query from another thread: a person pressing Stop in the console while the
 * query runs on a background thread. {@link #cancel} before the query starts makes it fail at once;
 * during it, DuckDB interrupts the running statement. The query then fails with QUERY_FAILED saying
 * it was cancelled, and the database it ran on is rolled back as after any query.
 */
public final class QueryCancel {
  private Statement running;
  private boolean cancelled;

  /** Stops the query (now, or as soon as it starts); a no-op once it has finished. */
  public void cancel() {
    Statement statement;
    synchronized (this) {
      cancelled = true;
      statement = running;
    }
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException ignored) {
        // A statement that already finished or closed has nothing left to stop.
      }
    }
  }

  public synchronized boolean cancelled() {
    return cancelled;
  }

  /** Called by the engine when {@code statement} is about to run; false when already cancelled. */
  synchronized boolean start(Statement statement) {
    running = statement;
    return !cancelled;
  }

  synchronized void finish() {
    running = null;
  }
}
