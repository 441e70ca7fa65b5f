package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries are reads of the ref's tables, whatever SQL the agent sends (issue 7, hole 2), and
 * namespaced tables bind without clashes (hole 5). Main holds {@code fees} (namespace bauplan, 2
 * rows).
 */
class ReadOnlyQueryTest {
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;
  Path feesFile;

  @BeforeEach
  void open() throws Exception {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
    lake.createBranch("a", "main");
    load("fees", csv(raw, "fees.csv", "id,rate\n1,0.5\n2,0.25\n"), "a");
    lake.merge("a", "main", ALICE);
    feesFile = lake.warehouse().resolve(lake.table("main", "fees").dataFiles().get(0));
  }

  private void load(String table, Path source, String branch) {
    lake.createTable(table, source.toString(), branch, false, ALICE);
    lake.importData(table, source.toString(), branch, ALICE);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private LakehouseException refused(String sql) {
    Throwable t = catchThrowable(() -> lake.query(sql, "main", null));
    assertThat(t).as(sql).isInstanceOf(LakehouseException.class);
    LakehouseException e = (LakehouseException) t;
    assertThat(e.errorType()).isEqualTo(ErrorType.QUERY_FAILED);
    if (!sql.contains(home.toString())) {
      assertThat(e.getMessage()).as(sql).doesNotContain(home.toString());
    }
    return e;
  }

  private long count(String sql) {
    return ((Number) lake.query(sql, "main", null).rows().get(0).get(0)).longValue();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void createTableIsRefusedAndLeavesNothing() {
    assertThat(refused("CREATE TABLE leak AS SELECT 1 AS x").getMessage())
        .contains("read-only", "CREATE is refused");
    assertThat(refused("SELECT * FROM leak").getMessage())
        .contains("'leak' is not a table of main");
  }

  @Test
  void copyOntoAPublishedFileIsRefusedAndMainsBytesStayTheSame() throws Exception {
    String before = sha256(feesFile);
    String target = DuckEngine.quote(feesFile.toString());
    for (String sql :
        List.of(
            "COPY (SELECT 99 AS id, 9.0 AS rate) TO " + target + " (FORMAT parquet)",
            "SELECT 1; COPY (SELECT 99 AS id, 9.0 AS rate) TO " + target + " (FORMAT parquet)",
            "EXPLAIN COPY (SELECT 99 AS id, 9.0 AS rate) TO " + target + " (FORMAT parquet)",
            "/* a comment */ copy fees TO " + target)) {
      refused(sql);
    }
    assertThat(sha256(feesFile)).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM fees")).isEqualTo(2);
  }

  @Test
  void statementsOtherThanReadsAreRefusedByName() {
    for (String kw :
        List.of(
            "ATTACH ':memory:' AS x",
            "INSERT INTO fees VALUES (3, 1.0)",
            "SET threads = 1",
            "PRAGMA table_info('fees')",
            "INSTALL httpfs",
            "LOAD httpfs",
            "EXPORT DATABASE '/tmp/x'",
            "DROP VIEW fees",
            "PIVOT fees ON id USING sum(rate)")) {
      assertThat(refused(kw).getMessage()).as(kw).contains("read-only");
    }
    assertThat(refused("SELECT 1; SELECT 2").getMessage()).contains("2 statements");
  }

  @Test
  void settingsAndCatalogInternalsAreRefusedWithoutHostPaths() {
    assertThat(refused("SELECT current_setting('allowed_directories')").getMessage())
        .contains("current_setting() is refused");
    assertThat(refused("SELECT * FROM duckdb_views()").getMessage())
        .contains("duckdb_views() is refused");
    assertThat(refused("SELECT sql FROM duckdb_views").getMessage())
        .contains("'duckdb_views' is not a table of main");
    refused("SELECT * FROM information_schema.tables");
    refused("SELECT pg_get_viewdef(1)");
    refused("SELECT getvariable('x')");
    refused("SELECT * FROM pragma_table_info('fees')");
    refused("SELECT * FROM memory.main.fees");
    refused("SELECT * FROM fees AT (VERSION => 1)");
  }

  /**
   * A CTE's own body, and the CTEs listed before it, do not see its name: DuckDB resolves the name
   * there in its catalog, so a CTE named like a system view hands that view to the query.
   */
  @Test
  void aCteNamedLikeACatalogViewDoesNotReachTheView() {
    for (String sql :
        List.of(
            "WITH pg_settings AS (SELECT * FROM pg_settings) SELECT setting FROM pg_settings",
            "WITH RECURSIVE pg_settings AS (SELECT * FROM pg_settings) SELECT * FROM pg_settings",
            "WITH x AS (SELECT * FROM pg_settings), pg_settings AS (SELECT 1) SELECT * FROM x",
            "WITH sqlite_master AS (SELECT * FROM sqlite_master) SELECT sql FROM sqlite_master",
            "WITH duckdb_views AS MATERIALIZED (SELECT * FROM duckdb_views) SELECT * FROM duckdb_views",
            "SELECT * FROM fees WHERE id IN (WITH Duckdb_Databases AS (FROM duckdb_databases)"
                + " SELECT 1 FROM duckdb_databases)")) {
      assertThat(refused(sql).getMessage())
          .as(sql)
          .contains("is a name of DuckDB's own catalog", "rename the CTE");
    }
    assertThatThrownBy(
            () ->
                lake.scan(
                    "fees",
                    "main",
                    null,
                    "id IN (WITH duckdb_views AS"
                        + " (SELECT * FROM duckdb_views) SELECT length(sql) FROM duckdb_views)",
                    null))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("is a name of DuckDB's own catalog");
    assertThat(count("WITH fees AS (SELECT * FROM fees WHERE id = 1) SELECT count(*) FROM fees"))
        .isEqualTo(1);
  }

  @Test
  void filesAreRefusedByFunctionAndByPath() {
    assertThat(refused("SELECT * FROM read_csv('/etc/passwd')").getMessage())
        .contains("read_csv() is refused");
    assertThat(refused("SELECT * FROM '/etc/passwd'").getMessage())
        .contains("'/etc/passwd' is not a table of main");
    // a warehouse file is inside DuckDB's allowed folder: only the check keeps it out
    refused("SELECT * FROM " + DuckEngine.quote(feesFile.toString()));
    refused("SELECT * FROM read_parquet(" + DuckEngine.quote(feesFile.toString()) + ")");
    refused("SELECT * FROM glob('/etc/*')");
    refused("SELECT * FROM query('SELECT 1')");
    refused("SELECT (SELECT count(*) FROM read_text('/etc/hostname')) AS n FROM fees");
    refused("WITH x AS (SELECT 1) SELECT * FROM (WITH y AS (SELECT 2) SELECT 1), 'a.csv'");
    refused("EXPLAIN ANALYZE SELECT * FROM fees");
  }

  @Test
  void scanFiltersAreCheckedLikeQueries() {
    assertThatThrownBy(
            () ->
                lake.scan(
                    "fees", "main", null, "id IN (SELECT 1 FROM read_csv('/etc/passwd'))", null))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.getMessage()).contains("read_csv() is refused"));
    assertThatThrownBy(
            () -> lake.scan("fees", "main", null, "1 = 1; CREATE TABLE leak AS SELECT 1", null))
        .isInstanceOf(LakehouseException.class);
    assertThat(lake.scan("fees", "main", List.of("id"), "rate > 0.3", null).rows())
        .containsExactly(List.of(1L));
  }

  @Test
  void readsStillWork() {
    assertThat(count("SELECT count(*) FROM fees")).isEqualTo(2);
    assertThat(count("WITH f AS (SELECT * FROM fees) SELECT count(*) FROM f")).isEqualTo(2);
    assertThat(
            count(
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5)"
                    + " SELECT max(n) FROM r"))
        .isEqualTo(5);
    assertThat(lake.query("VALUES (1, 'a'), (2, 'b')", "main", null).rowCount()).isEqualTo(2);
    assertThat(lake.query("FROM fees", "main", null).rowCount()).isEqualTo(2);
    assertThat(lake.query("DESCRIBE fees", "main", null).rows())
        .extracting(r -> r.get(0))
        .containsExactly("id", "rate");
    assertThat(lake.query("SUMMARIZE bauplan.fees", "main", null).rowCount()).isEqualTo(2);
    assertThat(lake.query("  -- why\nEXPLAIN SELECT * FROM fees", "main", null).rowCount())
        .isPositive();
    assertThat(count("SELECT count(*) FROM range(10) t(i) JOIN fees ON fees.id = t.i"))
        .isEqualTo(2);
    assertThat(count("SELECT sum(x) FROM unnest([1, 2, 3]) u(x)")).isEqualTo(6);
    assertThat(count("SELECT count(*) FROM (PIVOT fees ON id IN (1, 2) USING sum(rate))"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM fees WHERE id IN (SELECT id FROM bauplan.fees)"
                    + " UNION ALL SELECT 1 ORDER BY 1 DESC"))
        .isEqualTo(2);
  }

  @Test
  void bareNamesMeanNamespaceBauplanAndMainDotMeansNamespaceMain() throws Exception {
    load("main.fees", csv(raw, "main_fees.csv", "id,label\n7,x\n8,y\n9,z\n"), "a");
    assertThat(lake.tables("a"))
        .extracting(TableInfo::fqn)
        .containsExactlyInAnyOrder("bauplan.fees", "main.fees");
    assertThat(lake.query("SELECT count(*) FROM fees", "a", null).rows())
        .containsExactly(List.of(2L));
    assertThat(lake.query("SELECT count(*) FROM bauplan.fees", "a", null).rows())
        .containsExactly(List.of(2L));
    assertThat(lake.query("SELECT count(*) FROM main.fees", "a", null).rows())
        .containsExactly(List.of(3L));
    assertThat(
            lake.query(
                    "SELECT f.rate, m.label FROM fees f JOIN main.fees m ON m.id = f.id + 6"
                        + " ORDER BY 1",
                    "a",
                    null)
                .rows())
        .containsExactly(List.of(0.25, "y"), List.of(0.5, "x"));
    assertThat(lake.scan("main.fees", "a", List.of("label"), "id = 9", null).rows())
        .containsExactly(List.of("z"));
  }

  @Test
  void tablesThatSqlCannotTellApartAreRefusedByNameAndTheRestStillAnswer() throws Exception {
    Path x = csv(raw, "x.csv", "id\n1\n");
    for (String t : List.of("Fees", "system.t", "other")) {
      load(t, x, "a");
    }
    assertThat(lake.query("SELECT count(*) FROM other", "a", null).rows())
        .containsExactly(List.of(1L));
    assertThatThrownBy(() -> lake.query("SELECT * FROM fees", "a", null))
        .hasMessageContaining("bauplan.Fees and bauplan.fees differ only in letter case");
    assertThatThrownBy(() -> lake.query("SELECT * FROM system.t", "a", null))
        .hasMessageContaining("namespace 'system' is a name DuckDB keeps");
  }

  @Test
  void failuresNameTheWarehouseNotTheHostsFolders() throws Exception {
    Files.delete(feesFile);
    LakehouseException e = refused("SELECT * FROM fees");
    assertThat(e.getMessage())
        .contains("table bauplan.fees cannot be read", "<warehouse>/bauplan/fees/")
        .doesNotContain("Attempting to execute", "LINE 1");
  }

  @Test
  void duckDbSpillsIntoTheLakehousesFolderNotTheWorkingFolder() throws Exception {
    QueryPool pool =
        new QueryPool(home.resolve("warehouse"), home.resolve("spill"), QueryLimits.DEFAULT);
    try {
      Connection c = pool.take();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('temp_directory')")) {
        rs.next();
        assertThat(Path.of(rs.getString(1))).startsWithRaw(home.resolve("spill"));
      } finally {
        pool.give(c);
      }
    } finally {
      pool.close();
    }
  }

  /** Limits small enough that a test reaches them quickly. */
  private static final QueryLimits SMALL =
      new QueryLimits(Duration.ofSeconds(1), "64MiB", "16MiB", 1, 1, 1 << 20);

  /** Sandboxed code's SQL runs in the host's process: the sandbox's time limit does not stop it. */
  @Test
  @Timeout(120) // without the limit the query runs for days: fail instead
  void aQueryThatRunsForeverIsInterruptedAtTheTimeLimit() throws Exception {
    DuckEngine engine = new DuckEngine(home.resolve("w2"), home.resolve("s2"), SMALL);
    try {
      assertThatThrownBy(
              () ->
                  engine.query(
                      CatalogState.empty(),
                      "main",
                      "SELECT count(*) FROM range(1000000000000000) a(i) WHERE i % 7 = 3",
                      null))
          .isInstanceOf(LakehouseException.class)
          .hasMessageContaining("ran longer than 1 s, the limit for one query");
      assertThat(engine.query(CatalogState.empty(), "main", "SELECT 42", null).rows())
          .containsExactly(List.of(42));
    } finally {
      engine.close();
    }
  }

  /** DuckDB's defaults give one query 80% of the host's memory and its disk until 90% full. */
  @Test
  void aQueryGetsABoundedShareOfTheHostsMemoryAndDisk() throws Exception {
    DuckEngine engine =
        new DuckEngine(
            home.resolve("w2"),
            home.resolve("s2"),
            new QueryLimits(Duration.ofMinutes(10), "64MiB", "16MiB", 1, 1, 1 << 20));
    try {
      assertThatThrownBy(
              () ->
                  engine.query(
                      CatalogState.empty(),
                      "main",
                      "SELECT count(*) FROM (SELECT DISTINCT i::VARCHAR || 'padding padding' FROM"
                          + " range(20000000) t(i))",
                      null))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Out of Memory");
    } finally {
      engine.close();
    }
    QueryPool pool =
        new QueryPool(home.resolve("warehouse"), home.resolve("spill"), QueryLimits.DEFAULT);
    try {
      Connection c = pool.take();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT current_setting('memory_limit'),"
                      + " current_setting('max_temp_directory_size'), current_setting('threads')")) {
        rs.next();
        assertThat(List.of(rs.getString(1), rs.getString(2), rs.getLong(3)))
            .containsExactly("2.0 GiB", "4.0 GiB", 2L);
      } finally {
        pool.give(c);
      }
    } finally {
      pool.close();
    }
  }

  /** 32 gateway connections would otherwise each hold a database with its own memory limit. */
  @Test
  void queriesBeyondTheConcurrentLimitWaitForATurnAndThenGiveUp() throws Exception {
    QueryPool pool = new QueryPool(home.resolve("warehouse"), home.resolve("spill"), SMALL);
    try {
      Connection first = pool.take();
      try {
        assertThatThrownBy(pool::take)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("runs 1 query at a time");
      } finally {
        pool.give(first);
      }
      pool.give(pool.take());
    } finally {
      pool.close();
    }
  }

  /**
   * Ten 100 MB strings once became 12 GB in the host's heap (the sandbox has 2 GiB) and killed the
   * gateway's thread: an answer is bounded in bytes as well as rows.
   */
  @Test
  void anAnswerTooLargeForTheHostsMemoryFailsNamingTheLimit() throws Exception {
    DuckEngine engine =
        new DuckEngine(
            home.resolve("w2"),
            home.resolve("s2"),
            new QueryLimits(Duration.ofMinutes(10), "256MiB", "64MiB", 1, 1, 1 << 20));
    try {
      assertThatThrownBy(
              () ->
                  engine.query(
                      CatalogState.empty(),
                      "main",
                      "SELECT repeat('x', 100000) AS s FROM range(100)",
                      1000))
          .isInstanceOf(LakehouseException.class)
          .hasMessageContaining("answer holds more than 1 MiB");
      assertThat(
              engine
                  .query(
                      CatalogState.empty(),
                      "main",
                      "SELECT repeat('x', 100000) AS s FROM range(5)",
                      1000)
                  .rowCount())
          .isEqualTo(5);
    } finally {
      engine.close();
    }
  }

  /**
   * Not fixed: DuckDB's memory_limit does not count long strings a function builds in a vector, so
   * SELECT repeat('x', 100000000) FROM range(40) took 10-14 GB of the host with memory_limit 2GiB
   * (streamed or not) before the answer limit could stop it. A hard bound needs queries in a child
   * process with an address-space limit (or a cgroup); this test needs several GB.
   */
  @Test
  @Disabled("needs queries in a memory-limited child process")
  void longStringsBuiltByTheQueryAreHeldToTheMemoryLimit() {
    DuckEngine engine =
        new DuckEngine(
            home.resolve("w2"),
            home.resolve("s2"),
            new QueryLimits(Duration.ofMinutes(10), "64MiB", "16MiB", 1, 1, 1 << 20));
    try {
      assertThatThrownBy(
              () ->
                  engine.query(
                      CatalogState.empty(),
                      "main",
                      "SELECT max(length(s)) FROM (SELECT repeat('x', 50000000) AS s FROM range(40))",
                      1))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Out of Memory");
    } finally {
      engine.close();
    }
  }
}
