package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.TestPythons;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference system's own verifier, in its shape ({@code import pyarrow as pa}, {@code
 * has_table(t, ref='main')}, {@code results: pa.Table = client.query(...)}, {@code column_names},
 * {@code num_rows}), runs unchanged in the sandbox after the WAP demo put the tables on main: with
 * the pyarrow stand-in by default, with real pyarrow through {@code --python}.
 *
 * <p>The real-pyarrow case needs an interpreter with pyarrow, which CI cannot download: point
 * {@code AIRLOCK_TEST_PYTHON} (or {@code -Dairlock.test.python}) at one, or it is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceVerifierRunTest {
  private static final String VERIFIER =
      """
      import bauplan
      import pyarrow as pa
      import sys
      print("stand-in:", getattr(pa, "__airlock_stand_in__", False))
      client = bauplan.Client()
      for table in ["acquirer_countries", "payments", "merchant_category_codes", "fees", "merchant_data"]:
          assert client.has_table(table, ref="main"), f"Table {table} does not exist"
          results: pa.Table = client.query(f"SELECT * FROM {table} LIMIT 3", ref="main")
          assert isinstance(results, pa.Table), type(results)
          assert len(results.column_names) > 1, f"Table {table} does not have multiple columns."
          assert results.num_rows > 0, f"Table {table} is empty."
          print(f"Table {table} exists and has {results.num_rows} rows and {len(results.column_names)} columns.")
      payments = client.query("SELECT psp_reference, eur_amount, merchant, is_credit FROM payments", ref="main")
      print("types:", [str(t) for t in payments.schema.types])
      assert payments.schema.field("psp_reference").type == pa.int64()
      assert payments.schema.field("merchant").type == pa.string()
      frame = payments.to_pandas()
      print("pandas:", type(frame).__name__, frame.shape, str(frame["psp_reference"].dtype))
      """;

  private Path dir;
  private DemoRaw demo;
  private Path home;

  @BeforeAll
  void mainHasTheDemoTables(@TempDir Path temp) throws Exception {
    dir = temp;
    demo = new DemoRaw(500);
    home = dir.resolve("lakehouse");
    CliRunner.Result wap =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + Path.of("examples/scripted-wap.json").toAbsolutePath(),
            "--approve",
            "auto",
            "--merge",
            "auto-if-green",
            "--raw",
            demo.dir.toString(),
            "--home",
            home.toString(),
            "--runs-dir",
            dir.resolve("runs").toString());
    assertThat(wap.exit()).as(wap.out() + wap.err()).isZero();
    assertThat(CliRunner.tables(home, "main")).hasSize(5);
  }

  @AfterAll
  void deleteDemoData() throws Exception {
    demo.close();
  }

  private CliRunner.Result verify(String... extra) throws Exception {
    Path script = dir.resolve("verifier.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>verify main</reasoning><code>\n" + VERIFIER + "</code>",
                    "<reasoning>verified</reasoning><done>all five tables are on main</done>")));
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--model",
                "scripted:" + script,
                "--approve",
                "auto",
                "--merge",
                "never",
                "--raw",
                demo.dir.toString(),
                "--home",
                home.toString(),
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--max-turns",
                "2"));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void theVerifierRunsWithThePyarrowStandInAndDebiansPandas() throws Exception {
    CliRunner.Result r = verify();

    assertThat(r.out()).doesNotContain("Traceback", "ModuleNotFoundError");
    assertThat(r.out())
        .contains(
            "stand-in: True",
            "Table acquirer_countries exists and has 3 rows and 3 columns.",
            "Table payments exists and has 3 rows and 21 columns.",
            "Table merchant_category_codes exists and has 3 rows and 3 columns.",
            "Table fees exists and has 3 rows and 12 columns.",
            "Table merchant_data exists and has 3 rows and 5 columns.",
            "types: ['int64', 'double', 'string', 'bool']",
            "pandas: DataFrame (500, 4) int64");
    assertThat(r.exit()).as(r.out()).isZero();
  }

  @Test
  void theVerifierGetsRealPyarrowTablesFromAnInterpreterThatHasPyarrow() throws Exception {
    String python = TestPythons.withPyarrow();
    assumeTrue(
        python != null, "set AIRLOCK_TEST_PYTHON to an interpreter with pyarrow to run this test");

    CliRunner.Result r = verify("--python", python);

    assertThat(r.out()).doesNotContain("Traceback");
    assertThat(r.out())
        .contains(
            "stand-in: False",
            "Table payments exists and has 3 rows and 21 columns.",
            "Table fees exists and has 3 rows and 12 columns.",
            "types: ['int64', 'double', 'string', 'bool']",
            "pandas: DataFrame (500, 4) int64");
    assertThat(r.exit()).as(r.out()).isZero();
  }
}
