package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.TestPythons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code import pyarrow} gives the agent's code and what {@code query} and {@code scan}
 * return: real pyarrow Tables, typed, when the interpreter has pyarrow; otherwise Airlock's
 * stand-in, which says it is one.
 *
 * <p>Real pyarrow cannot be downloaded in CI: point {@code AIRLOCK_TEST_PYTHON} (or {@code
 * -Dairlock.test.python}) at an interpreter that has it, or that test is skipped.
 */
class PyarrowResultsTest {
  /** One column of each type the wire carries. */
  private static final String TYPED =
      """
      import bauplan, datetime, decimal
      import pyarrow as pa
      client = bauplan.Client()
      client.create_branch("alice.t", "main")
      r: pa.Table = client.query(
          "SELECT 42::BIGINT AS i, 0.5::DOUBLE AS f, 'x' AS s, true AS b, DATE '2024-01-02' AS d, "
          "TIMESTAMP '2024-01-02 03:04:05.5' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tz, "
          "CAST(1.25 AS DECIMAL(10,2)) AS dec, [1, 2, NULL] AS l, CAST(NULL AS BIGINT) AS n "
          "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 7", ref="alice.t")
      assert isinstance(r, pa.Table), type(r)
      expected = {"i": pa.int64(), "f": pa.float64(), "s": pa.string(), "b": pa.bool_(),
                  "d": pa.date32(), "ts": pa.timestamp("us"), "tz": pa.timestamp("us", tz="UTC"),
                  "dec": pa.decimal128(10, 2), "l": pa.list_(pa.int32()), "n": pa.int64()}
      for name, t in expected.items():
          assert r.schema.field(name).type == t, (name, r.schema.field(name).type, t)
      row = r.to_pylist()[0]
      assert row == {"i": 42, "f": 0.5, "s": "x", "b": True, "d": datetime.date(2024, 1, 2),
                     "ts": datetime.datetime(2024, 1, 2, 3, 4, 5, 500000),
                     "tz": datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
                     "dec": decimal.Decimal("1.25"), "l": [1, 2, None], "n": None}, row
      assert r.to_pylist()[1] == dict.fromkeys(expected, None) | {"n": 7}, r.to_pylist()[1]
      assert r.column("n").null_count == 1 and r.num_rows == 2 and r.num_columns == 10
      assert r.column_names == list(expected)
      print("module:", type(r).__module__, "stand-in:", getattr(pa, "__airlock_stand_in__", False))
      print("types:", [str(t) for t in r.schema.types])
      frame = r.to_pandas()
      print("pandas:", frame.shape, str(frame["i"].dtype), frame["s"].tolist())
      empty = client.query("SELECT 1::BIGINT AS one WHERE false", ref="alice.t")
      print("empty:", empty.num_rows, str(empty.schema.field("one").type))
      """;

  @TempDir Path temp;
  private PythonHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new PythonHarness(temp);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private String run(String python, String script) throws Exception {
    PythonHarness.Result result =
        h.run(
            python,
            script,
            Map.of(PythonClientInstaller.ENV_SOCKET, h.gateway.socketPath().toString()));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.stdout();
  }

  @Test
  void withoutPyarrowTheStandInIsImportedAndTypesMatchByName() throws Exception {
    String out =
        run(
            PythonHarness.PYTHON,
            TYPED
                + """
        assert pa.__airlock_stand_in__ is True and "STAND-IN" in pa.__doc__
        built = pa.table({"a": [1, 2], "b": ["x", None]})
        print("built:", built.num_rows, built.column_names, [str(t) for t in built.schema.types])
        """);

    assertThat(out)
        .contains(
            "stand-in: True",
            "module: bauplan._table",
            "types: ['int64', 'double', 'string', 'bool', 'date32[day]', 'timestamp[us]', "
                + "'timestamp[us, tz=UTC]', 'decimal128(10, 2)', 'list<item: int32>', 'int64']",
            "pandas: (2, 10)",
            "['x', None]",
            "empty: 0 int64",
            "built: 2 ['a', 'b'] ['int64', 'string']");
  }

  @Test
  void withPyarrowQueryAndScanReturnRealTypedTables() throws Exception {
    String python = TestPythons.withPyarrow();
    assumeTrue(
        python != null, "set AIRLOCK_TEST_PYTHON to an interpreter with pyarrow to run this test");

    String out =
        run(
            python,
            TYPED
                + """
        import pyarrow.compute as pc
        print("sum:", pc.sum(r.column("i")).as_py())
        client.create_table("ids", "%s", branch="alice.t")
        client.import_data("ids", "%s", branch="alice.t")
        scanned = client.scan("ids", ref="alice.t", columns=["id"], limit=2)
        print("scan:", type(scanned).__module__, scanned.num_rows, str(scanned.schema.field("id").type))
        """
                    .formatted(ids(), ids()));

    assertThat(out)
        .contains(
            "stand-in: False",
            "module: pyarrow.lib",
            "types: ['int64', 'double', 'string', 'bool', 'date32[day]', 'timestamp[us]', "
                + "'timestamp[us, tz=UTC]', 'decimal128(10, 2)', 'list<item: int32>', 'int64']",
            "sum: 42",
            "pandas: (2, 10)",
            "empty: 0 int64",
            "scan: pyarrow.lib 2 int64");
  }

  private String ids() throws Exception {
    Path csv = temp.resolve("ids.csv");
    if (!Files.exists(csv)) {
      Files.writeString(csv, "id,name\n1,a\n2,b\n3,c\n");
    }
    return csv.toString();
  }
}
