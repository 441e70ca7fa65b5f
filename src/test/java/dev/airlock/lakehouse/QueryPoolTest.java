package dev.airlock.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pool hands the next query a database that holds nothing an earlier query left, whatever SQL
 * reached it: here the SQL runs on the pooled connection directly, as if {@link ReadOnlyQuery} had
 * let it through. A database a query left as it found it is reused (that is the pool's point).
 */
class QueryPoolTest {
  @TempDir Path home;
  QueryPool pool;

  @BeforeEach
  void open() {
    pool = new QueryPool(home.resolve("warehouse"), home.resolve("spill"), QueryLimits.DEFAULT);
  }

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void aDatabaseLeftAsItWasFoundIsReusedEvenAfterAFailedQuery() throws Exception {
    Connection first = pool.take();
    run(first, "SELECT 42");
    assertThatThrownBy(() -> run(first, "SELECT nope FROM range(3)"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> run(first, "SELECT error('boom')")).isInstanceOf(SQLException.class);
    pool.give(first);
    Connection next = pool.take();
    try {
      assertThat(next).isSameAs(first);
    } finally {
      pool.give(next);
    }
  }

  /**
   * The agent sends texts up to the gateway's MiB; a database keeps the proofs of short ones only,
   * so a stream of long distinct queries holds no more of the heap than the last one did.
   */
  @Test
  void aDatabaseKeepsNoLongTextItProved() throws Exception {
    QueryPool.Session session = pool.take(null);
    try {
      String pad = " ".repeat(100_000);
      for (int i = 0; i < 64; i++) {
        String sql = "SELECT " + i + pad;
        assertThat(session.check(sql, "main").sql()).isEqualTo(sql);
      }
      assertThat(session.checkedChars()).isZero();
      session.check("SELECT 42", "main");
      assertThat(session.checkedChars()).isEqualTo("SELECT 42".length());
    } finally {
      pool.give(session);
    }
  }

  /**
   * What a query's SQL leaves, and a probe that answers {@code clean} (or fails) when it is gone.
   */
  record Leftover(String tamper, String probe, Object clean) {
    @Override
    public String toString() {
      return tamper;
    }
  }

  static Stream<Leftover> leftovers() {
    return Stream.of(
        new Leftover("CREATE MACRO leak(x) AS x + 1; COMMIT", "SELECT leak(1)", null),
        new Leftover(
            "CREATE TEMP MACRO leak(x) AS x + 1; COMMIT; BEGIN TRANSACTION",
            "SELECT leak(1)",
            null),
        new Leftover("CREATE MACRO lower(x) AS 'shadowed'; COMMIT", "SELECT lower('A')", "a"),
        new Leftover("CREATE TEMP TABLE leak AS SELECT 1 AS x; COMMIT", "FROM leak", null),
        new Leftover(
            "CREATE VIEW leak AS SELECT 1 AS x; COMMIT; BEGIN TRANSACTION", "FROM leak", null),
        new Leftover("CREATE SEQUENCE leak; COMMIT", "SELECT nextval('leak')", null),
        new Leftover("CREATE TYPE leak AS ENUM ('a'); COMMIT", "SELECT 'a'::leak", null),
        new Leftover(
            "CREATE SCHEMA leak; COMMIT",
            "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'leak'",
            0L),
        new Leftover("SET VARIABLE leak = 1", "SELECT getvariable('leak') IS NULL", true),
        new Leftover(
            "ATTACH ':memory:' AS leak",
            "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'leak'",
            0L),
        new Leftover(
            "ATTACH ':memory:' AS leak; COMMIT",
            "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'leak'",
            0L),
        new Leftover("USE memory.main", "SELECT current_schema()", TableName.DEFAULT_NAMESPACE),
        new Leftover(
            "SET search_path = 'main'",
            "SELECT current_setting('search_path')",
            TableName.DEFAULT_NAMESPACE),
        new Leftover("PREPARE leak AS SELECT 1", "EXECUTE leak", null),
        new Leftover(
            "CALL enable_profiling()", "SELECT current_setting('enable_profiling') IS NULL", true),
        new Leftover(
            "PRAGMA enable_profile", "SELECT current_setting('enable_profiling') IS NULL", true),
        new Leftover(
            "PRAGMA enable_progress_bar",
            "SELECT current_setting('enable_progress_bar')::BOOLEAN",
            false),
        new Leftover(
            "CALL enable_logging()", "SELECT current_setting('enable_logging')::BOOLEAN", false),
        new Leftover(
            "CREATE SECRET leak (TYPE http, BEARER_TOKEN 'x')",
            "SELECT count(*) FROM duckdb_secrets()",
            0L));
  }

  @ParameterizedTest
  @MethodSource("leftovers")
  void nothingAQueryLeftReachesTheNextQuery(Leftover leftover) throws Exception {
    Connection tampered = pool.take();
    try {
      run(tampered, leftover.tamper());
      if (leftover.clean() != null) {
        assertThat(first(tampered, leftover.probe()))
            .as("the tamper took effect")
            .isNotEqualTo(leftover.clean());
      } else {
        first(tampered, leftover.probe());
      }
    } finally {
      pool.give(tampered);
    }
    Connection next = pool.take();
    try {
      if (leftover.clean() == null) {
        assertThatThrownBy(() -> first(next, leftover.probe())).isInstanceOf(SQLException.class);
      } else {
        assertThat(first(next, leftover.probe())).isEqualTo(leftover.clean());
      }
    } finally {
      pool.give(next);
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Object first(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }
}
