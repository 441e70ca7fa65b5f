package dev.airlock.lakehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Warm DuckDB databases for queries, each locked to the warehouse folder (no other file of the host
 * is readable; defence in depth behind {@link ReadOnlyQuery}, which lets no file name through) and
 * used by one query at a time. Each database keeps the views of one commit's tables (committed, so
 * the next query on that commit binds nothing); a query runs inside a transaction that is rolled
 * back, so anything its SQL created vanishes. Each database is held to the {@link QueryLimits}'
 * memory, spill and threads, and at most {@code concurrent} of them are out at once.
 *
 * <p>A database is reused only when nothing of a query can have survived it. Catalog objects
 * (views, tables, macros, sequences, schemas, types, temporary ones too) are transactional: one
 * outlives the rollback only when the query's SQL ended the transaction itself (COMMIT, or ROLLBACK
 * then more statements), and DuckDB numbers transactions in sequence, so the transaction after the
 * rollback must be exactly the next number. What transactions do not undo (variables, secrets,
 * prepared statements, attached databases, the current database and schema, the search path,
 * profiling, logging and the progress bar; other settings are locked) must read as when the
 * database was opened. A database failing either test is closed, never reused. (Walking {@code
 * duckdb_functions()} for macros took 12-36 ms a query, more than the query.)
 */
final class QueryPool implements AutoCloseable {
  private static final int MAX_IDLE = 3;
  private static final int CHECKS_KEPT = 64;

  /**
   * The longest text whose proof a database keeps. The gateway passes texts up to a MiB, so 64 kept
   * whole would hold 128 MB of the console's heap per database, for as long as it lives; queries
   * asked again (the audit's, a notebook's) are short, and a long text is parsed each time.
   */
  static final int CHECKED_CHARS = 8 * 1024;

  /**
   * The transaction number and what outlives a rollback (one statement: scalar subqueries made it
   * 1.6 ms, a union 0.9). Not a prepared statement: DuckDB folds {@code current_transaction_id()}
   * into a prepared plan. Profiling, logging and the progress bar are settings, but CALL
   * enable_profiling(), PRAGMA enable_profile, CALL enable_logging() and PRAGMA enable_progress_bar
   * turn them on under the lock (the profile of every later query goes to the console's output; a
   * log can be stored in the warehouse), so they are read too (0.1 ms; hashing all of {@code
   * duckdb_settings()} would cost 1.5 ms). PRAGMA enable_verification makes this very statement
   * fail, so such a database is closed.
   */
  private static final String STATE =
      "SELECT current_transaction_id(), concat_ws('|', current_database(), current_schema(),"
          + " current_setting('search_path'),"
          + " coalesce(current_setting('enable_profiling')::VARCHAR, 'off'),"
          + " current_setting('enable_logging')::VARCHAR,"
          + " current_setting('enable_progress_bar')::VARCHAR, count(*)) FROM ("
          + "SELECT 1 FROM duckdb_variables()"
          + " UNION ALL SELECT 1 FROM duckdb_prepared_statements()"
          + " UNION ALL SELECT 1 FROM duckdb_secrets()"
          + " UNION ALL SELECT 1 FROM duckdb_databases()"
          + " WHERE database_name NOT IN ('memory', 'system', 'temp'))";

  private final Path warehouse;
  private final Path spill;
  private final QueryLimits limits;
  private final Semaphore turns;
  private final Deque<Session> idle = new ArrayDeque<>();
  private final Map<Connection, Session> lent = new IdentityHashMap<>();
  private boolean closed;

  QueryPool(Path warehouse, Path spill, QueryLimits limits) {
    this.warehouse = warehouse;
    this.spill = spill;
    this.limits = limits;
    this.turns = new Semaphore(limits.concurrent(), true);
  }

  /**
   * One database lent for one query, inside an open transaction. {@link #commit} and {@link
   * #tables} say which views it holds (null and none when fresh).
   */
  static final class Session {
    private final Connection connection;
    private final QueryParser parser;
    private final PreparedStatement stateQuery;
    private final String opened;
    private long transaction;
    private ObjectId commit;
    private BoundTables tables = new BoundTables(Map.of(), Map.of());
    private final Map<String, ReadOnlyQuery> checked =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ReadOnlyQuery> eldest) {
            return size() > CHECKS_KEPT;
          }
        };

    private Session(Connection connection) throws SQLException {
      this.connection = connection;
      this.parser = new QueryParser(connection);
      this.stateQuery = connection.prepareStatement(STATE);
      State state = state(stateQuery);
      this.opened = state.lasting();
      this.transaction = state.transaction();
    }

    Connection connection() {
      return connection;
    }

    /** The commit whose tables are bound as views, or null. */
    ObjectId commit() {
      return commit;
    }

    BoundTables tables() {
      return tables;
    }

    /**
     * {@code sql} checked against the bound tables; a text of at most {@value #CHECKED_CHARS}
     * characters this database proved before on the same tables is not parsed again (the check
     * depends on nothing else).
     */
    ReadOnlyQuery check(String sql, String ref) throws SQLException {
      ReadOnlyQuery known = checked.get(sql);
      if (known != null) {
        return known;
      }
      ReadOnlyQuery proven = ReadOnlyQuery.check(parser, sql, tables, ref);
      if (sql.length() <= CHECKED_CHARS) {
        checked.put(sql, proven);
      }
      return proven;
    }

    /** The characters of the texts whose proofs this database keeps. */
    long checkedChars() {
      return checked.keySet().stream().mapToLong(String::length).sum();
    }

    /**
     * Records that the views of {@code commit}'s {@code tables} were created and committed by the
     * lakehouse itself; the transaction count moved, so it is read again.
     */
    void bound(ObjectId commit, BoundTables tables) throws SQLException {
      this.commit = commit;
      this.tables = tables;
      checked.clear();
      connection.commit();
      transaction = state(stateQuery).transaction();
    }
  }

  private record State(long transaction, String lasting) {}

  private static State state(PreparedStatement stateQuery) throws SQLException {
    try (ResultSet rs = stateQuery.executeQuery()) {
      rs.next();
      return new State(rs.getLong(1), rs.getString(2));
    }
  }

  /**
   * A database ready for one query, inside an open transaction, preferring one that holds the views
   * of {@code commit}; waits up to the query timeout for a turn when {@code concurrent} queries are
   * running. Each one taken must be given back.
   */
  Session take(ObjectId commit) throws SQLException {
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
      return open(commit);
    } catch (SQLException | RuntimeException e) {
      turns.release();
      throw e;
    }
  }

  /** A bare database, given back with {@link #give(Connection)} (tests). */
  Connection take() throws SQLException {
    Session s = take(null);
    synchronized (this) {
      lent.put(s.connection(), s);
    }
    return s.connection();
  }

  private Session open(ObjectId commit) throws SQLException {
    synchronized (this) {
      for (Iterator<Session> it = idle.iterator(); it.hasNext(); ) {
        Session s = it.next();
        if (commit != null && commit.equals(s.commit())) {
          it.remove();
          return s;
        }
      }
      Session recent = idle.pollFirst();
      if (recent != null) {
        return recent;
      }
    }
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try {
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
        // Secrets live in memory only, so listing them reads no folder of the host.
        s.execute("SET allow_persistent_secrets = false");
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
      c.setAutoCommit(false);
      return new Session(c);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Gives back a database from {@link #take()}. */
  void give(Connection c) {
    Session s;
    synchronized (this) {
      s = lent.remove(c);
    }
    give(s);
  }

  /**
   * Rolls the query back and keeps the database when nothing of the query survived; null (a
   * database that could not be opened) only gives back the turn.
   */
  void give(Session s) {
    try {
      if (s != null) {
        keepOrClose(s);
      }
    } finally {
      turns.release();
    }
  }

  /** Gives back a database the lakehouse no longer trusts (a failed binding): it is closed. */
  void discard(Session s) {
    try {
      s.parser.close();
      closeQuietly(s.connection);
    } finally {
      turns.release();
    }
  }

  private void keepOrClose(Session s) {
    boolean clean;
    try {
      s.connection.rollback();
      State after = state(s.stateQuery);
      clean = after.transaction() == s.transaction + 1 && after.lasting().equals(s.opened);
      s.transaction = after.transaction();
    } catch (SQLException e) {
      clean = false;
    }
    synchronized (this) {
      if (clean && !closed && idle.size() < MAX_IDLE) {
        idle.addFirst(s);
        return;
      }
    }
    s.parser.close();
    closeQuietly(s.connection);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      for (Session s : idle) {
        s.parser.close();
        closeQuietly(s.connection);
      }
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
