package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static dev.airlock.lakehouse.LakehouseFixture.dabstep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.source.RawSources;
import dev.airlock.source.StagedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLakehouseTest {
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;

  @BeforeEach
  void open() {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private void load(String table, Path file, String branch) {
    lake.createTable(table, file.toString(), branch, false, ALICE);
    lake.importData(table, file.toString(), branch, ALICE);
  }

  @Test
  void freshLakehouseHasMainWithOneCommit() {
    assertThat(lake.branches(null)).extracting(Ref::name).containsExactly("main");
    assertThat(lake.commits("main", null)).hasSize(1);
    assertThat(lake.tables("main")).isEmpty();
    assertThat(lake.namespaces("main")).containsExactly("bauplan");
  }

  @Test
  void feesJsonImportsWithIdColumnArraysAndNulls() {
    lake.createBranch("alice.dab", "main");
    load("fees", dabstep("fees.json"), "alice.dab");
    TableInfo fees = lake.table("alice.dab", "fees");
    assertThat(fees.records()).isEqualTo(1000);
    assertThat(fees.fqn()).isEqualTo("bauplan.fees");
    assertThat(fees.fields()).extracting(TableField::name).contains("ID", "aci", "intracountry");
    assertThat(type(fees, "ID")).isEqualTo("long");
    assertThat(type(fees, "aci")).isEqualTo("list<string>");
    assertThat(type(fees, "merchant_category_code")).isEqualTo("list<long>");
    assertThat(type(fees, "is_credit")).isEqualTo("boolean");
    QueryResult r =
        lake.query(
            "SELECT count(DISTINCT ID) AS n, count(*) FILTER (WHERE capture_delay IS NULL) AS nulls"
                + " FROM fees",
            "alice.dab",
            null);
    assertThat(r.rows().get(0).get(0)).isEqualTo(1000L);
    assertThat((Long) r.rows().get(0).get(1)).isPositive();
    QueryResult first = lake.query("SELECT aci FROM bauplan.fees WHERE ID = 1", "alice.dab", null);
    assertThat(first.rows().get(0).get(0)).isEqualTo(List.of("C", "B"));
    assertThat(first.types()).containsExactly("list<string>");
  }

  @Test
  void contextTablesImportWithRightCountsAndTypes() {
    lake.createBranch("alice.dab", "main");
    load("merchant_data", dabstep("merchant_data.json"), "alice.dab");
    load("merchant_category_codes", dabstep("merchant_category_codes.csv"), "alice.dab");
    load("acquirer_countries", dabstep("acquirer_countries.csv"), "alice.dab");
    TableInfo merchants = lake.table("alice.dab", "merchant_data");
    assertThat(merchants.records()).isEqualTo(30);
    assertThat(type(merchants, "acquirer")).isEqualTo("list<string>");
    TableInfo mcc = lake.table("alice.dab", "bauplan.merchant_category_codes");
    assertThat(mcc.records()).isEqualTo(769);
    assertThat(type(mcc, "description")).isEqualTo("string");
    QueryResult quoted =
        lake.query(
            "SELECT description FROM merchant_category_codes WHERE mcc = 1711", "alice.dab", null);
    assertThat(quoted.rows().get(0).get(0))
        .isEqualTo("Heating, Plumbing, and Air Conditioning Contractors");
    assertThat(lake.table("alice.dab", "acquirer_countries").records()).isEqualTo(8);
  }

  @Test
  void csvWithoutTrailingNewlineKeepsItsLastRow() throws Exception {
    Path f = csv(raw, "t.csv", "id,name\n1,a\n2,\"b, c\"");
    lake.createBranch("b", "main");
    load("t", f, "b");
    assertThat(lake.query("SELECT name FROM t ORDER BY id", "b", null).rows())
        .containsExactly(List.of("a"), List.of("b, c"));
  }

  @Test
  void globsImportEveryMatchingFile() throws Exception {
    csv(raw, "part/a.csv", "id,v\n1,x\n");
    csv(raw, "part/b.csv", "id,v\n2,y\n3,z\n");
    csv(raw, "part/ignore.txt", "nope");
    lake.createBranch("b", "main");
    String glob = raw.resolve("part") + "/*.csv";
    lake.createTable("t", glob, "b", false, ALICE);
    ImportResult r = lake.importData("t", "file://" + glob, "b", ALICE);
    assertThat(r.rowsImported()).isEqualTo(3);
    assertThat(r.sourceFiles()).hasSize(2);
    assertThat(lake.table("b", "t").lineage().sourceUris()).hasSize(2);
  }

  @Test
  void importRecordsRunAndTurnOnTheCommitAndTheTable() throws Exception {
    Path f = csv(raw, "t.csv", "id\n1\n");
    lake.createBranch("b", "main");
    load("t", f, "b");
    Commit head = lake.commits("b", 1).get(0);
    assertThat(head.author()).isEqualTo("alice");
    assertThat(head.properties()).containsEntry("run", "run-1").containsEntry("turn", "2");
    assertThat(head.message()).contains("Import 1 rows into bauplan.t");
    assertThat(lake.table("b", "t").lineage().runId()).isEqualTo("run-1");
  }

  @Test
  void appendWithAnotherSchemaIsRefusedAndLeavesTheBranchAsItWas() throws Exception {
    Path good = csv(raw, "good.csv", "id,name\n1,a\n");
    Path bad = csv(raw, "bad.csv", "id,label\n2,b\n");
    lake.createBranch("b", "main");
    load("t", good, "b");
    Ref before = lake.branch("b");
    assertThatThrownBy(() -> lake.importData("t", bad.toString(), "b", ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> {
              assertThat(e.type()).isEqualTo("IMPORT_FAILED");
              assertThat(e.getMessage()).contains("missing column name", "extra column label");
            });
    assertThat(lake.branch("b")).isEqualTo(before);
    assertThat(lake.table("b", "t").records()).isEqualTo(1);
  }

  @Test
  void aFailureJustBeforePublishingLeavesTheBranchUnchanged() throws Exception {
    Path f = csv(raw, "t.csv", "id\n1\n2\n");
    lake.createBranch("b", "main");
    load("t", f, "b");
    Ref before = lake.branch("b");
    lake.setFaultHook(
        point -> {
          throw new IllegalStateException("disk full at " + point);
        });
    assertThatThrownBy(() -> lake.importData("t", f.toString(), "b", ALICE))
        .hasMessageContaining("disk full");
    lake.setFaultHook(point -> {});
    assertThat(lake.branch("b")).isEqualTo(before);
    assertThat(lake.table("b", "t").records()).isEqualTo(2);
    assertThat(lake.query("SELECT count(*) FROM t", "b", null).rows().get(0).get(0)).isEqualTo(2L);
  }

  @Test
  void missingSourceAndUnknownTableAreClearErrors() {
    lake.createBranch("b", "main");
    assertThatThrownBy(() -> lake.createTable("t", raw + "/nope.csv", "b", false, ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("TABLE_CREATE_FAILED"))
        .hasMessageContaining("nope.csv");
    assertThatThrownBy(() -> lake.importData("t", raw + "/x.csv", "b", ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> lake.createTable("t", "s3://bucket/x.csv", "b", false, ALICE))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("s3:// sources need the S3 reader");
    assertThat(lake.hasTable("b", "t")).isFalse();
  }

  @Test
  void s3SourcesGoThroughTheInjectedRawSources() throws Exception {
    Path local = csv(raw, "staged.csv", "id\n1\n2\n");
    List<String> asked = new ArrayList<>();
    AtomicInteger closed = new AtomicInteger();
    RawSources s3 =
        uri -> {
          asked.add(uri);
          return new StagedFiles() {
            public String uri() {
              return uri;
            }

            public List<Path> files() {
              return List.of(local);
            }

            public List<String> sourceUris() {
              return List.of("s3://bucket/raw/staged.csv");
            }

            public void close() {
              closed.incrementAndGet();
            }
          };
        };
    try (LocalLakehouse withS3 =
        new LocalLakehouse(home.resolve("s3"), MergeGate.approveAll(), s3, null)) {
      withS3.createBranch("b", "main");
      withS3.createTable("t", "s3://bucket/raw/*.csv", "b", false, ALICE);
      ImportResult r = withS3.importData("t", "s3://bucket/raw/*.csv", "b", ALICE);
      assertThat(r.rowsImported()).isEqualTo(2);
      assertThat(asked).containsExactly("s3://bucket/raw/*.csv", "s3://bucket/raw/*.csv");
      assertThat(closed).hasValue(2);
      assertThat(withS3.table("b", "t").lineage().sourceUris())
          .containsExactly("s3://bucket/raw/staged.csv");
    }
    assertThatThrownBy(() -> lake.createTable("t", "s3://bucket/x.csv", "main", false, ALICE))
        .isInstanceOf(LakehouseException.class);
  }

  private static String type(TableInfo t, String column) {
    return t.fields().stream()
        .filter(f -> f.name().equals(column))
        .findFirst()
        .orElseThrow()
        .type();
  }
}
