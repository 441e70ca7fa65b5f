package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.dabstep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source imports whole or fails naming the file (and the line where the reader knows it); a
 * broken file's error says what is wrong with it, not DuckDB's generic "pending query result".
 */
class WholeSourceImportTest {
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;

  @BeforeEach
  void open() {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
    lake.createBranch("alice.whole", "main");
  }

  @AfterEach
  void close() {
    lake.close();
  }

  @Test
  void aTruncatedJsonArrayIsRefusedNamingTheFileAndLine() throws Exception {
    Path json = write("people.json", "[{\"id\":1,\"name\":\"a\"},\n");

    assertThatThrownBy(
            () -> lake.createTable("people", json.toString(), "alice.whole", false, ALICE))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("people.json")
        .hasMessageContaining("not complete, valid JSON at line 2")
        .satisfies(
            e ->
                assertThat(((LakehouseException) e).errorType())
                    .isEqualTo(ErrorType.TABLE_CREATE_FAILED));
    Path whole = write("whole.json", "[{\"id\":1,\"name\":\"a\"}]");
    lake.createTable("people", whole.toString(), "alice.whole", false, ALICE);
    assertThatThrownBy(() -> lake.importData("people", json.toString(), "alice.whole", ALICE))
        .hasMessageContaining("people.json")
        .hasMessageContaining("line 2");
    assertThat(lake.table("alice.whole", "people").records()).isZero();
  }

  @Test
  void anEmptyFileCreatesNoTable() throws Exception {
    Path csv = write("empty.csv", "");
    Path json = write("empty.json", "");

    assertThatThrownBy(() -> lake.createTable("e", csv.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("empty.csv")
        .hasMessageContaining("empty (0 bytes)");
    assertThatThrownBy(() -> lake.createTable("e", json.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("empty.json")
        .hasMessageContaining("empty (0 bytes)");
    assertThat(lake.hasTable("alice.whole", "e")).isFalse();
  }

  @Test
  void aRaggedCsvIsRefusedNamingTheLineInsteadOfBecomingOneColumn() throws Exception {
    Path csv = write("ragged.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n");

    assertThatThrownBy(() -> lake.createTable("r", csv.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("ragged.csv")
        .hasMessageContaining("line 4 has 2 fields but the header (line 1) has 3");
    assertThat(lake.hasTable("alice.whole", "r")).isFalse();
  }

  @Test
  void aCsvWhoseExtraFieldsComeAfterTheSniffedLinesFailsAtItsLine() throws Exception {
    Path first = write("first.csv", "a,b,c\n1,2,3\n");
    StringBuilder late = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 30_000; i++) {
      late.append(i).append(',').append(i).append(',').append(i).append('\n');
    }
    late.append("1,2\n");
    Path csv = write("late.csv", late.toString());
    lake.createTable("late", first.toString(), "alice.whole", false, ALICE);

    assertThatThrownBy(() -> lake.importData("late", csv.toString(), "alice.whole", ALICE))
        .hasMessageContaining("late.csv")
        .hasMessageContaining("Line: 30002");
    assertThat(lake.table("alice.whole", "late").records()).isZero();
  }

  @Test
  void leadingLinesAreNeverSkippedSilently() throws Exception {
    Path csv = write("skipped.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n");

    assertThatThrownBy(() -> lake.createTable("s", csv.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("skipped.csv")
        .hasMessageContaining("line 3 has 2 fields");
  }

  @Test
  void aFakeParquetFileReportsWhatIsWrongWithIt() throws Exception {
    Path parquet = write("fake.parquet", "PAR1garbagegarbagePAR1");

    assertThatThrownBy(() -> lake.createTable("f", parquet.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("fake.parquet")
        .hasMessageContaining("Footer length error")
        .hasMessageNotContaining("pending query result");
  }

  @Test
  void aTruncatedParquetFileReportsWhatIsWrongWithIt() throws Exception {
    Path good = raw.resolve("good.parquet");
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      s.execute("COPY (SELECT range AS id FROM range(1000)) TO '" + good + "' (FORMAT parquet)");
    }
    byte[] bytes = Files.readAllBytes(good);
    Path cut = raw.resolve("cut.parquet");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> lake.createTable("c", cut.toString(), "alice.whole", false, ALICE))
        .hasMessageContaining("cut.parquet")
        .hasMessageNotContaining("pending query result");
  }

  @Test
  void aCsvThatIsNotUtf8ReportsTheEncodingAndLine() throws Exception {
    Path csv = raw.resolve("latin1.csv");
    Files.write(csv, "id,name\n1,caf\u00e9\n2,b\n".getBytes(StandardCharsets.ISO_8859_1));
    lake.createTable("l", write("l.csv", "id,name\n0,x\n").toString(), "alice.whole", false, ALICE);

    assertThatThrownBy(() -> lake.importData("l", csv.toString(), "alice.whole", ALICE))
        .hasMessageContaining("latin1.csv")
        .hasMessageContaining("not utf-8 encoded")
        .hasMessageContaining("Line: 2")
        .hasMessageNotContaining("pending query result");
  }

  @Test
  void theRealDabstepFilesStillImportWhole() {
    for (String file :
        new String[] {
          "fees.json", "merchant_data.json", "merchant_category_codes.csv", "acquirer_countries.csv"
        }) {
      String table = file.substring(0, file.indexOf('.'));
      lake.createTable(table, dabstep(file).toString(), "alice.whole", false, ALICE);
      lake.importData(table, dabstep(file).toString(), "alice.whole", ALICE);
    }
    assertThat(lake.table("alice.whole", "fees").records()).isEqualTo(1000);
    assertThat(lake.table("alice.whole", "acquirer_countries").records()).isEqualTo(8);
    assertThat(lake.table("alice.whole", "merchant_category_codes").records()).isEqualTo(769);
    assertThat(lake.table("alice.whole", "merchant_data").records()).isPositive();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(raw.resolve(name), text);
  }
}
