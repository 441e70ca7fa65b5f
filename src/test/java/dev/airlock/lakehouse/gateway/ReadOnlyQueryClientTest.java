package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.WriteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's {@code client.query} through the gateway (issue 7, holes 2 and 5): SQL that writes,
 * reads files or reveals the host's folders is refused as a {@code BauplanQueryError}; main's
 * published bytes never change; namespaced tables of one name both answer.
 */
class ReadOnlyQueryClientTest {
  private static final WriteContext SETUP = WriteContext.user("setup");
  private static final String PRELUDE =
      """
      import bauplan
      from bauplan import exceptions as E
      client = bauplan.Client()
      def refused(sql):
          try:
              client.query(sql, ref="main")
          except E.BauplanQueryError as e:
              print("refused:", str(e).replace("\\n", " "))
              return
          raise SystemExit("ran: " + sql)
      """;

  @TempDir Path temp;
  private PythonHarness h;
  private Path feesFile;

  @BeforeEach
  void start() throws Exception {
    h = new PythonHarness(temp);
    Path raw = Files.createDirectories(temp.resolve("raw"));
    Path fees = Files.writeString(raw.resolve("fees.csv"), "id,rate\n1,0.5\n2,0.25\n");
    Path other = Files.writeString(raw.resolve("main_fees.csv"), "id,label\n7,x\n8,y\n9,z\n");
    h.lakehouse.createBranch("setup", "main");
    h.lakehouse.createTable("fees", fees.toString(), "setup", false, SETUP);
    h.lakehouse.importData("fees", fees.toString(), "setup", SETUP);
    h.gate.decisions.add(MergeDecision.approve());
    h.lakehouse.merge("setup", "main", SETUP);
    h.lakehouse.createTable("main.fees", other.toString(), "setup", false, SETUP);
    h.lakehouse.importData("main.fees", other.toString(), "setup", SETUP);
    feesFile =
        h.lakehouse.warehouse().resolve(h.lakehouse.table("main", "fees").dataFiles().get(0));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void sqlThatWritesReadsFilesOrRevealsTheHostIsRefused() throws Exception {
    String before = sha256(feesFile);
    String out =
        h.run(
            PRELUDE
                + """
        refused("CREATE TABLE leak AS SELECT 1 AS x")
        refused("COPY (SELECT 99 AS id, 9.0 AS rate) TO '%s' (FORMAT parquet)")
        refused("SELECT current_setting('allowed_directories')")
        refused("SELECT * FROM duckdb_views()")
        refused("SELECT * FROM read_csv('/etc/passwd')")
        refused("SELECT * FROM '/etc/passwd'")
        refused("SELECT 1; SELECT 2")
        refused("WITH x AS (SELECT * FROM pg_settings), pg_settings AS (SELECT 1) SELECT * FROM x")
        try:
            client.scan("fees", ref="main", filters="id IN (WITH sqlite_master AS"
                        " (SELECT * FROM sqlite_master) SELECT length(sql) FROM sqlite_master)")
            raise SystemExit("scan read the catalog")
        except E.BauplanQueryError as e:
            print("scan refused:", e)
        print("scan:", client.scan("fees", ref="main", filters="id = 1").to_pylist())
        try:
            client.scan("fees", ref="main", filters="id IN (SELECT 1 FROM read_text('/etc/hostname'))")
            raise SystemExit("scan read a file")
        except E.BauplanQueryError as e:
            print("scan refused:", e)
        for sql in ["SELECT count(*) AS n FROM fees",
                    "WITH f AS (SELECT * FROM fees) SELECT count(*) AS n FROM f",
                    "VALUES (1), (2)", "DESCRIBE fees", "SUMMARIZE fees",
                    "EXPLAIN SELECT * FROM fees"]:
            print("ok:", sql, client.query(sql, ref="main").num_rows)
        """
                    .formatted(feesFile));
    assertThat(out)
        .contains(
            "refused: Query on main refused: queries are read-only",
            "CREATE is refused",
            "COPY is refused",
            "current_setting() is refused",
            "duckdb_views() is refused",
            "read_csv() is refused",
            "'/etc/passwd' is not a table of main",
            "2 statements",
            "CTE name 'pg_settings' is a name of DuckDB's own catalog",
            "CTE name 'sqlite_master' is a name of DuckDB's own catalog",
            "scan: [{'id': 1, 'rate': 0.5}]",
            "scan refused:",
            "read_text() is refused",
            "ok: SELECT count(*) AS n FROM fees 1",
            "ok: WITH f AS (SELECT * FROM fees) SELECT" + " count(*) AS n FROM f 1",
            "ok: VALUES (1), (2) 2",
            "ok: DESCRIBE fees 2",
            "ok: SUMMARIZE fees 2",
            "ok: EXPLAIN SELECT * FROM fees 1");
    assertThat(out).doesNotContain(temp.toString());
    assertThat(sha256(feesFile)).isEqualTo(before);
    assertThat(h.lakehouse.query("SELECT count(*) FROM fees", "main", null).rows().get(0).get(0))
        .isEqualTo(2L);
  }

  @Test
  void tablesOfOneNameInTwoNamespacesBothAnswer() throws Exception {
    String out =
        h.run(
            PRELUDE
                + """
        print("bare", client.query("SELECT count(*) AS n FROM fees", ref="setup").to_pylist())
        print("main", client.query("SELECT count(*) AS n FROM main.fees", ref="setup").to_pylist())
        print("scan", client.scan("fees", ref="setup", namespace="main", columns=["label"],
                                  filters="id = 9").to_pylist())
        """);
    assertThat(out).contains("bare [{'n': 2}]", "main [{'n': 3}]", "scan [{'label': 'z'}]");
  }
}
