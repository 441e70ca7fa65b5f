package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries keep the catalog they read and the views they bound for the next query on the same
 * commit; a branch name is never the key, so a query after a write sees the write, and one ref
 * never answers with another's tables.
 */
class QueryFreshnessTest {
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;
  Path two;
  Path three;

  @BeforeEach
  void open() throws Exception {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
    two = csv(raw, "two.csv", "id,v\n1,a\n2,b\n");
    three = csv(raw, "three.csv", "id,v\n3,c\n4,d\n5,e\n");
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private void load(String table, Path source, String branch) {
    lake.createTable(table, source.toString(), branch, false, ALICE);
    lake.importData(table, source.toString(), branch, ALICE);
  }

  private Object count(String table, String ref) {
    return lake.query("SELECT count(*) FROM " + table, ref, null).rows().get(0).get(0);
  }

  @Test
  void aQueryRightAfterAWriteSeesTheWrite() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    assertThat(count("t", "a")).isEqualTo(2L);
    lake.importData("t", three.toString(), "a", ALICE);
    assertThat(count("t", "a")).isEqualTo(5L);
    lake.createTable("t", three.toString(), "a", true, ALICE);
    assertThat(count("t", "a")).isEqualTo(0L);
    load("u", three, "a");
    assertThat(count("u", "a")).isEqualTo(3L);
    lake.deleteTable("t", "a", ALICE);
    assertThatThrownBy(() -> count("t", "a")).hasMessageContaining("'t' is not a table of a");
    assertThat(count("u", "a")).isEqualTo(3L);
  }

  @Test
  void twoBranchesAnswerWithTheirOwnTablesWhateverTheOrder() {
    lake.createBranch("a", "main");
    lake.createBranch("b", "main");
    lake.createBranch("c", "main");
    load("t", two, "a");
    load("t", three, "b");
    for (int i = 0; i < 3; i++) {
      assertThat(count("t", "a")).isEqualTo(2L);
      assertThat(count("t", "b")).isEqualTo(3L);
      assertThatThrownBy(() -> count("t", "c")).hasMessageContaining("'t' is not a table of c");
      assertThatThrownBy(() -> count("t", "main"))
          .hasMessageContaining("'t' is not a table of main");
    }
  }

  @Test
  void aPinnedCommitKeepsAnsweringWithItsOwnData() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    String before = lake.branch("a").hash();
    lake.importData("t", three.toString(), "a", ALICE);
    assertThat(count("t", "a@" + before)).isEqualTo(2L);
    assertThat(count("t", "a")).isEqualTo(5L);
    assertThat(count("t", "a@" + before)).isEqualTo(2L);
  }

  /**
   * DuckDB's random state is the database's and no rollback resets it: a query that seeds it would
   * hand the next query, another run's or the audit's, the numbers it chose.
   */
  @Test
  void aQueryCannotSeedTheNextQuerysRandomNumbers() throws Exception {
    Object seeded;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SELECT setseed(0.25)");
      try (ResultSet rs = s.executeQuery("SELECT random()")) {
        rs.next();
        seeded = rs.getObject(1);
      }
    }
    lake.createBranch("a", "main");
    load("t", two, "a");
    for (int i = 0; i < 3; i++) {
      assertThat(count("t", "a")).isEqualTo(2L);
    }
    assertThatThrownBy(() -> lake.query("SELECT setseed(0.25)", "a", null))
        .hasMessageContaining("setseed() is refused");
    assertThat(lake.query("SELECT random()", "a", null).rows().get(0).get(0)).isNotEqualTo(seeded);
  }

  /** Another process (the CLI beside the console) writes through its own lakehouse object. */
  @Test
  void aWriteByAnotherLakehouseOnTheSameFolderIsSeenAtOnce() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    assertThat(count("t", "a")).isEqualTo(2L);
    try (LocalLakehouse other = new LocalLakehouse(home, MergeGate.approveAll(), null, null)) {
      other.importData("t", three.toString(), "a", ALICE);
    }
    assertThat(count("t", "a")).isEqualTo(5L);
  }
}
