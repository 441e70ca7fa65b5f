package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.WriteContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LakehouseCommandTest {
  @TempDir Path home;
  @TempDir Path raw;
  private final InputStream oldIn = System.in;
  private CliRunner.Result last;
  private Path payments;

  @BeforeEach
  void capture() throws Exception {
    payments = raw.resolve("payments.csv");
    Files.writeString(payments, "psp_reference,merchant,eur_amount\n1,A,10.5\n2,B,3.25\n3,A,1\n");
  }

  @AfterEach
  void restore() {
    System.setIn(oldIn);
  }

  private int run(String... args) {
    last = CliRunner.run(new String[] {"lakehouse", "--home", home.toString()}, args);
    return last.exit();
  }

  private String out() {
    return last.out();
  }

  private String err() {
    return last.err();
  }

  private void loadBranch() {
    assertThat(run("create-branch", "wap", "main")).isZero();
    assertThat(run("create-table", "payments", payments.toString(), "--branch", "wap")).isZero();
    assertThat(run("import", "payments", payments.toString(), "--branch", "wap")).isZero();
    assertThat(out()).contains("Imported 3 rows into bauplan.payments on wap (now 3 rows)");
  }

  @Test
  void writeAuditPublishFromTheCommandLine() {
    loadBranch();
    assertThat(run("branches")).isZero();
    assertThat(out()).contains("main  ", "wap  ");
    assertThat(run("tables", "wap")).isZero();
    assertThat(out()).contains("bauplan.payments  3 rows  3 columns");
    assertThat(run("schema", "wap", "payments")).isZero();
    assertThat(out()).containsPattern("eur_amount\\s+double");
    assertThat(
            run(
                "query",
                "wap",
                "SELECT merchant, sum(eur_amount) AS total FROM payments GROUP BY 1 ORDER BY 1"))
        .isZero();
    assertThat(out())
        .containsPattern("merchant\\s+total")
        .contains("A         11.5")
        .contains("(2 rows)");
    assertThat(run("query", "wap", "SELECT count(*) AS n FROM payments", "--json")).isZero();
    assertThat(out().trim())
        .isEqualTo("{\"columns\":[\"n\"],\"types\":[\"long\"],\"rows\":[[3]],\"truncated\":false}");
    assertThat(run("diff", "main", "wap")).isZero();
    assertThat(out()).contains("+ bauplan.payments  added, 3 rows");
    assertThat(run("merge", "wap", "main", "--yes", "-m", "publish payments")).isZero();
    assertThat(out()).contains("+ bauplan.payments", "Merged wap into main");
    assertThat(run("log", "main")).isZero();
    assertThat(out()).contains("publish payments", "merge of ");
  }

  @Test
  void aDiffShowsEachColumnChangeAsAMergeRequestDoes() throws Exception {
    loadBranch();
    Path wider = raw.resolve("payments-v2.csv");
    Files.writeString(wider, "psp_reference,merchant,eur_amount,country\n1,A,x,NL\n");
    assertThat(run("create-branch", "v2", "wap")).isZero();
    assertThat(run("create-table", "payments", wider.toString(), "--branch", "v2", "--replace"))
        .as(err())
        .isZero();

    assertThat(run("diff", "wap", "v2")).isZero();
    assertThat(out())
        .contains("      schema eur_amount double -> string", "      schema +country string");
  }

  @Test
  void mergeIntoMainAsksAndNoMeansNothingChanges() {
    loadBranch();
    System.setIn(new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("merge", "wap", "main")).isEqualTo(ExitCodes.FAILED);
    assertThat(out()).contains("Merge into main? [y/N]");
    assertThat(err()).contains("rejected: declined at the command line");
    assertThat(run("tables", "main")).isZero();
    assertThat(out()).contains("(no tables on main)");
    System.setIn(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("merge", "wap", "main")).isZero();
  }

  @Test
  void errorsAreOneLineAndNonZero() {
    assertThat(run("import", "payments", payments.toString(), "--branch", "main"))
        .isEqualTo(ExitCodes.FAILED);
    assertThat(err().strip())
        .startsWith("error: ")
        .contains("main takes no direct writes")
        .doesNotContain("\n");
    assertThat(run("tables", "nope")).isEqualTo(ExitCodes.FAILED);
    assertThat(err()).contains("Ref 'nope' not found");
    assertThat(run("delete-branch", "main")).isEqualTo(ExitCodes.FAILED);
    assertThat(run("query", "main", "SELEC nonsense")).isEqualTo(ExitCodes.FAILED);
    assertThat(err()).contains("Query on main failed");
    assertThat(run("create-branch", "bad..name", "main")).isEqualTo(ExitCodes.USAGE);
  }

  /** Issue 7, hole 1: after x/y exists, 'x/../main' used to be main itself. */
  @Test
  void anAliasOfMainIsRefusedAndMainStaysAsItWas() {
    loadBranch();
    assertThat(run("merge", "wap", "main", "--yes")).isZero();
    assertThat(run("create-branch", "x/y", "main")).isZero();
    assertThat(run("create-table", "fees", payments.toString(), "--branch", "x/y")).isZero();
    String head = headHash("main");
    for (String[] attack :
        List.of(
            new String[] {"create-table", "evil", payments.toString(), "--branch", "x/../main"},
            new String[] {"import", "payments", payments.toString(), "--branch", "x/../main"},
            new String[] {"merge", "x/y", "x/../main", "--yes"},
            new String[] {"delete-branch", "x/../main"})) {
      assertThat(run(attack)).as(String.join(" ", attack)).isEqualTo(ExitCodes.USAGE);
      assertThat(err().strip())
          .startsWith("error: Invalid ref 'x/../main': name a branch or tag")
          .doesNotContain("\n");
      assertThat(out()).doesNotContain("Merging");
      assertThat(headHash("main")).isEqualTo(head);
      assertThat(CliRunner.tables(home, "main")).containsExactly("payments:3");
    }
    assertThat(run("branches")).isZero();
    assertThat(out()).contains("main  " + head, "x/y  ");
  }

  @Test
  void queriesAreReadsOfTheRefsTablesAndMainsFilesNeverChange() throws Exception {
    loadBranch();
    assertThat(run("merge", "wap", "main", "--yes", "-m", "publish payments")).isZero();
    Path file;
    try (var files = Files.walk(home.resolve("warehouse").resolve("bauplan"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] before = Files.readAllBytes(file);
    String[][] attacks = {
      {"COPY (SELECT 9 AS psp_reference) TO '" + file + "' (FORMAT parquet)", "COPY is refused"},
      {"CREATE TABLE leak AS SELECT 1 AS x", "CREATE is refused"},
      {"SELECT current_setting('allowed_directories')", "current_setting() is refused"},
      {"SELECT * FROM duckdb_views()", "duckdb_views() is refused"},
      {"SELECT * FROM read_csv('/etc/passwd')", "read_csv() is refused"},
      {"SELECT * FROM '/etc/passwd'", "'/etc/passwd' is not a table of main"},
      {"SELECT 1; SELECT 2", "2 statements"}
    };
    for (String[] attack : attacks) {
      assertThat(run("query", "main", attack[0])).as(attack[0]).isEqualTo(ExitCodes.FAILED);
      assertThat(err()).as(attack[0]).contains("Query on main refused", attack[1]);
      if (!attack[0].contains(home.toString())) {
        assertThat(err()).as(attack[0]).doesNotContain(home.toString());
      }
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    for (String read :
        new String[] {
          "SELECT count(*) AS n FROM payments",
          "WITH p AS (SELECT * FROM payments) SELECT count(*) AS n FROM p",
          "VALUES (1)",
          "DESCRIBE payments",
          "SUMMARIZE payments",
          "EXPLAIN SELECT * FROM payments"
        }) {
      assertThat(run("query", "main", read)).as(read).isZero();
    }
    assertThat(run("query", "main", "SELECT count(*) AS n FROM payments", "--json")).isZero();
    assertThat(out()).contains("\"rows\":[[3]]");
  }

  @Test
  void aTableInNamespaceMainAndOneOfTheSameNameAreBothQueried() {
    loadBranch();
    assertThat(run("create-table", "main.payments", payments.toString(), "--branch", "wap"))
        .isZero();
    assertThat(run("import", "main.payments", payments.toString(), "--branch", "wap")).isZero();
    assertThat(
            run(
                "query",
                "wap",
                "SELECT (SELECT count(*) FROM payments)"
                    + " + (SELECT count(*) FROM main.payments) AS n",
                "--json"))
        .isZero();
    assertThat(out()).contains("\"rows\":[[6]]");
  }

  private String headHash(String branch) {
    assertThat(run("log", branch, "-n", "1")).isZero();
    return out().substring(0, 12);
  }

  @Test
  void revertMergeShowsTheChangeAsksAndKeepsTheHistory() throws Exception {
    loadBranch();
    assertThat(run("merge", "wap", "main", "--yes", "-m", "publish payments")).isZero();
    String merge = headHash("main");
    assertThat(run("create-branch", "later", "main")).isZero();
    assertThat(run("create-table", "fees", payments.toString(), "--branch", "later")).isZero();
    assertThat(run("merge", "later", "main", "--yes")).isZero();

    System.setIn(new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("revert-merge", merge)).isEqualTo(ExitCodes.FAILED);
    assertThat(out())
        .contains(
            "Reverting merge " + merge + " ('publish payments') on main",
            "- bauplan.payments  removed (had 3 rows)",
            "Revert merge " + merge + " on main? [y/N]");
    assertThat(err()).contains("declined at the command line: main is unchanged");
    assertThat(run("tables", "main")).isZero();
    assertThat(out()).contains("bauplan.payments  3 rows");

    assertThat(run("revert-merge", merge, "--branch", "main", "--yes")).isZero();
    assertThat(out()).contains("Reverted merge " + merge + " on main");
    assertThat(run("tables", "main")).isZero();
    assertThat(out()).doesNotContain("payments").contains("bauplan.fees");
    assertThat(run("log", "main")).isZero();
    assertThat(out())
        .contains("Revert merge " + merge + ": publish payments", "reverted_merge=", merge + "  ");
    assertThat(run("query", "main@" + merge, "SELECT count(*) AS n FROM payments")).isZero();
    assertThat(out()).contains("(1 rows)");
  }

  @Test
  void revertMergeErrorsNameTheCommitAndWhatToDo() {
    loadBranch();
    String create = headHash("wap");
    assertThat(run("revert-merge", create, "--yes")).isEqualTo(ExitCodes.USAGE);
    assertThat(err().strip())
        .startsWith("error: Commit " + create)
        .contains("is not in the history of main")
        .doesNotContain("\n");
    assertThat(run("revert-merge", create, "--branch", "wap", "--yes")).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("is not a merge commit");
    assertThat(run("revert-merge", "feedface", "--yes")).isEqualTo(ExitCodes.FAILED);
    assertThat(err()).contains("Commit 'feedface' not found", "`airlock lakehouse log main`");
  }

  @Test
  void everySubcommandHasHelpAndEveryArgumentIsDescribed() {
    CommandLine lakehouse = Main.commandLine().getSubcommands().get("lakehouse");
    assertThat(lakehouse.getSubcommands())
        .containsKeys(
            "branches",
            "tables",
            "schema",
            "log",
            "query",
            "diff",
            "create-branch",
            "delete-branch",
            "create-table",
            "import",
            "merge",
            "revert-merge");
    lakehouse
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              CliRunner.Result help = CliRunner.run("lakehouse", name, "--help");
              assertThat(help.exit()).as(name + ": " + help.err()).isZero();
              assertThat(help.out())
                  .as(name)
                  .startsWith("Usage: airlock lakehouse " + name)
                  .contains("--home=DIR");
              sub.getCommandSpec()
                  .args()
                  .forEach(
                      arg ->
                          assertThat(String.join(" ", arg.description()))
                              .as(name + " " + arg.paramLabel() + " is described in --help")
                              .isNotBlank());
            });
  }

  @Test
  void homeIsAcceptedAfterTheSubcommandAsWithVerify() {
    assertThat(
            CliRunner.run("lakehouse", "create-branch", "after", "main", "--home", home.toString())
                .exit())
        .isZero();
    assertThat(run("branches")).isZero();
    assertThat(out()).contains("after  ");
    CliRunner.Result tables =
        CliRunner.run("lakehouse", "tables", "after", "--home", home.toString());
    assertThat(tables.exit()).as(tables.err()).isZero();
    assertThat(tables.out()).contains("(no tables on after)");
  }

  /**
   * The agent's code names commit properties (gateway commit_properties) and values: escape
   * sequences in them must not clear or rewrite the terminal of the person who inspects the branch
   * before merging.
   */
  @Test
  void whatTheAgentsCodeWroteIsShownNotObeyed() throws Exception {
    loadBranch();
    try (LocalLakehouse lake =
        new LocalLakehouse(home, MergeGate.rejectAll("read only"), null, null)) {
      lake.createNamespace(
          "scratch",
          "wap",
          new WriteContext(
              "agent",
              "run-1",
              1,
              null,
              Map.of("note\u001b[2J", "\u001b]0;owned\u0007\rchecks: PASS")));
    }
    Path evil = raw.resolve("evil.csv");
    Files.writeString(evil, "id,name\n1,\u001b[2Jx\n");
    assertThat(run("create-table", "evil", evil.toString(), "--branch", "wap")).isZero();
    assertThat(run("import", "evil", evil.toString(), "--branch", "wap")).isZero();

    assertThat(run("log", "wap")).isZero();
    String log = out();
    assertThat(run("query", "wap", "SELECT * FROM evil")).isZero();
    String query = out();

    assertThat(log).contains("note\u241b[2J", "\u241b]0;owned\\x07\\x0dchecks: PASS");
    assertThat(query).contains("\u241b[2Jx");
    assertThat(log + query).doesNotContain("\u001b", "\u0007", "\r");
  }

  /**
   * A column name is the source's text: one with a newline would print a fake line (say, a check
   * that passed) in the merge review of a changed table and in every listing.
   */
  @Test
  void aColumnNameWithANewlineIsRefusedNamingIt() throws Exception {
    assertThat(run("create-branch", "wap", "main")).isZero();
    Path json = raw.resolve("fake.json");
    Files.writeString(json, "[{\"id\": 1, \"x\\n  \\u2714 custom:all_checks: PASS\": 2}]");

    assertThat(run("create-table", "fake", json.toString(), "--branch", "wap"))
        .isEqualTo(ExitCodes.FAILED);

    assertThat(err())
        .contains(
            "column name \"x\\u000a  \u2714 custom:all_checks: PASS\" has a"
                + " control character");
    assertThat(CliRunner.tables(home, "wap")).isEmpty();
  }
}
