package dev.airlock.lakehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Warm DuckDB databases for queries, each locked to the warehouse folder (no other file of the host
 * is readable; defence in depth behind {@link ReadOnlyQuery}, which lets no file name through) and
 * used by one query at a time. A query runs inside a transaction that is rolled back, so the views
 * it bound and anything its SQL created vanish; a database that still holds user objects afterwards
 * (the SQL committed on its own) is closed, never reused. Each database is held to the {@link
 * QueryLimits}' memory, spill and threads, and at most {@code concurrent} of them are out at once.
 */
final class QueryPool implements AutoCloseable {
  private static final int MAX_IDLE = 3;
  private static final String LEFTOVERS =
      "SELECT"
          + " (SELECT count(*) FROM duckdb_views() WHERE NOT internal)"
          + " + (SELECT count(*) FROM duckdb_tables())"
          + " + (SELECT count(*) FROM duckdb_schemas() WHERE NOT internal AND schema_name <> "
          + DuckEngine.quote(TableName.DEFAULT_NAMESPACE)
          + ")"
          + " + (SELECT count(*) FROM duckdb_sequences())"
          + " + (SELECT count(*) FROM duckdb_functions() WHERE NOT internal)"
          + " + (SELECT count(*) FROM duckdb_variables())";

  private final Path warehouse;
  private final Path spill;
  private final QueryLimits limits;
  private final Semaphore turns;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  QueryPool(Path warehouse, Path spill, QueryLimits limits) {
    this.warehouse = warehouse;
    this.spill = spill;
    this.limits = limits;
    this.turns = new Semaphore(limits.concurrent(), true);
  }

  /**
   * A database ready for one query, inside an open transaction; waits up to the query timeout for a
   * turn when {@code concurrent} queries are running. Each one taken must be given back.
   */
  Connection take() throws SQLException {
    try {
      if (!turns.tryAcquire(limits.timeoutSeconds(), TimeUnit.SECONDS)) {
        throw new SQLException(
            "the lakehouse runs "
                + limits.concurrent()
                + " quer"
                + (limits.concurrent() == 1 ? "y" : "ies")
                + " at a time and none finished within "
                + limits.timeoutSeconds()
                + " s: send queries one after another");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a turn to query", e);
    }
    try {
      return open();
    } catch (SQLException | RuntimeException e) {
      turns.release();
      throw e;
    }
  }

  private Connection open() throws SQLException {
    Connection c;
    synchronized (this) {
      c = idle.pollFirst();
    }
    if (c == null) {
      c = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = c.createStatement()) {
        // Bare table names mean the default namespace; main.x means namespace main.
        s.execute("CREATE SCHEMA " + DuckEngine.ident(TableName.DEFAULT_NAMESPACE));
        s.execute("SET search_path = " + DuckEngine.quote(TableName.DEFAULT_NAMESPACE));
        s.execute("SET temp_directory = " + DuckEngine.quote(DuckEngine.spillFolder(spill)));
        s.execute(
            "SET allowed_directories = [" + DuckEngine.quote(warehouse.toString() + "/") + "]");
        s.execute("SET memory_limit = " + DuckEngine.quote(limits.memory()));
        s.execute("SET max_temp_directory_size = " + DuckEngine.quote(limits.spill()));
        s.execute("SET threads = " + limits.threads());
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
    }
    c.setAutoCommit(false);
    return c;
  }

  /** Rolls the query back and keeps the database when nothing of the query survived. */
  void give(Connection c) {
    try {
      keepOrClose(c);
    } finally {
      turns.release();
    }
  }

  private void keepOrClose(Connection c) {
    boolean clean;
    try {
      c.rollback();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(LEFTOVERS)) {
        clean = rs.next() && rs.getLong(1) == 0;
      }
    } catch (SQLException e) {
      clean = false;
    }
    synchronized (this) {
      if (clean && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(c);
        return;
      }
    }
    closeQuietly(c);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      idle.forEach(QueryPool::closeQuietly);
      idle.clear();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing an in-memory database only frees memory; nothing to recover.
    }
  }
}
