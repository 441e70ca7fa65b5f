package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.lakehouse.Commit;
import dev.airlock.lakehouse.MergeDecision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airlock's {@code bauplan} package from real python3, through a real gateway socket, against the
 * real lakehouse (DuckDB + JGit): the code an agent writes for Bauplan's SDK, run locally.
 */
class PythonClientTest {
  private static final String PRELUDE =
      """
      import bauplan, datetime, decimal
      from bauplan import exceptions as E
      client = bauplan.Client()
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

  @Test
  void writeAuditFlowOnABranchWithTheRealDabstepCsv() throws Exception {
    h.gateway.setCallContext(CallContext.of("run-1", 2));
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    String out =
        h.run(
            PRELUDE
                + """
        user = client.info().user.username
        branch = client.create_branch(user + ".wap", from_ref="main")
        assert isinstance(branch, bauplan.schema.Branch) and branch.name == "alice.wap", branch
        assert client.has_branch("alice.wap") and not client.has_branch("alice.nope")
        table = client.create_table("acquirer_countries", "%s", branch="alice.wap")
        assert table.fqn == "bauplan.acquirer_countries", table.fqn
        state = client.import_data("acquirer_countries", "%s", branch="alice.wap")
        assert state.job_status == "SUCCESS" and state.error is None, (state.job_status, state.error)
        result = client.query("SELECT country_code, count(*) AS n FROM acquirer_countries "
                              "GROUP BY 1 ORDER BY 1", ref="alice.wap")
        print("rows", result.num_rows, result.column_names)
        print("first", result.to_pylist()[0])
        print("count", client.get_table("acquirer_countries", "alice.wap").records)
        print("fields", [(f.name, f.type) for f in client.get_table("acquirer_countries", "alice.wap").fields])
        # like the real SDK, a Branch object passed as a ref is pinned to its hash: the
        # table created after create_branch returned is not there
        print("pinned", client.has_table("acquirer_countries", branch))
        print("tables", [t.name for t in client.get_tables("alice.wap")])
        print("has_main", client.has_table("acquirer_countries", "main"))
        head = next(iter(client.get_commits("alice.wap", limit=1)))
        print("props", head.properties.get("run"), head.properties.get("turn"))
        mine = list(client.get_commits("alice.wap", filter_by_properties={"run": "run-1"}))
        others = list(client.get_commits("alice.wap", filter_by_properties={"run": "run-2"}))
        print("by run", len(mine) >= 2, len(others), mine[0].ref.hash == head.ref.hash)
        """
                    .formatted(csv, csv));

    assertThat(out).contains("rows 5 ['country_code', 'n']");
    assertThat(out).contains("first {'country_code': 'FR', 'n': 1}");
    assertThat(out).contains("count 8");
    assertThat(out).contains("('id', 'long')", "('acquirer', 'string')");
    assertThat(out).contains("tables ['acquirer_countries']", "has_main False", "props run-1 2");
    assertThat(out).contains("pinned False", "by run True 0 True");
    List<Commit> commits = h.lakehouse.commits("alice.wap", 1);
    assertThat(commits.get(0).properties())
        .containsEntry("run", "run-1")
        .containsEntry("turn", "2");
    assertThat(h.calls)
        .extracting(GatewayCall::method)
        .contains("info", "create_branch", "create_table", "import_data", "query");
  }

  @Test
  void exceptionsHaveTheSdkClassesAndParents() throws Exception {
    h.run(
        PRELUDE
            + """
        try:
            client.get_branch("alice.missing")
            raise SystemExit("no error")
        except E.BranchNotFoundError as e:
            assert isinstance(e, E.ResourceNotFoundError) and isinstance(e, E.NotFoundError)
            assert isinstance(e, E.BauplanHTTPError) and isinstance(e, E.BauplanError)
            assert e.code == 404 and e.type == "BRANCH_NOT_FOUND", (e.code, e.type)
            assert e.kind.branch_name == "alice.missing", e.kind
            assert "alice.missing" in str(e)
        client.create_branch("alice.dup", "main")
        try:
            client.create_branch("alice.dup", "main")
            raise SystemExit("no error")
        except E.UpdateConflictError as e:
            assert type(e) is E.BranchExistsError and e.code == 409
        same = client.create_branch("alice.dup", "main", if_not_exists=True)
        assert same.name == "alice.dup"
        try:
            client.delete_branch("main")
            raise SystemExit("no error")
        except E.ForbiddenError as e:
            assert type(e) is E.DeleteBranchForbiddenError
        assert client.delete_branch("alice.gone", if_exists=True) is False
        try:
            client.get_table("nope", "main")
            raise SystemExit("no error")
        except E.TableNotFoundError as e:
            assert e.type == "TABLE_NOT_FOUND"
        try:
            client.query("SELEC nonsense", ref="main")
            raise SystemExit("no error")
        except E.BauplanJobError as e:
            assert type(e) is E.BauplanQueryError, type(e)
        try:
            client.create_branch("bad name!", "main")
            raise SystemExit("no error")
        except E.BadRequestError as e:
            assert type(e) is E.InvalidRefError
        assert issubclass(E.JobError, E.BauplanError) and issubclass(E.AccessDeniedError, E.ForbiddenError)
        print("ok")
        """);
  }

  @Test
  void aFailedImportReturnsAStateWithTheErrorInsteadOfRaising() throws Exception {
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    String mcc = PythonHarness.dabstep("merchant_category_codes.csv").toString();
    String out =
        h.run(
            PRELUDE
                + """
        client.create_branch("alice.imp", "main")
        client.create_table("acquirer_countries", "%s", branch="alice.imp")
        missing = client.import_data("acquirer_countries", "/nonexistent/*.csv", branch="alice.imp")
        print("missing", missing.job_status, bool(missing.error))
        wrong = client.import_data("acquirer_countries", "%s", branch="alice.imp")
        print("mismatch", wrong.job_status, wrong.error)
        main = client.import_data("acquirer_countries", "%s", branch="main")
        print("main", main.job_status, bool(main.error))
        print("rows", client.get_table("acquirer_countries", "alice.imp").records)
        """
                    .formatted(csv, mcc, csv));

    assertThat(out).contains("missing FAILED True", "main FAILED True", "rows 0");
    assertThat(out).containsPattern("mismatch FAILED .+");
    // The missing local files are found missing by the client: no call reaches the gateway.
    assertThat(h.calls)
        .filteredOn(c -> c.method().equals("import_data"))
        .extracting(GatewayCall::errorType)
        .doesNotContainNull()
        .hasSize(2);
  }

  @Test
  void directWritesToMainAreRefused() throws Exception {
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    h.run(
        PRELUDE
            + """
        try:
            client.create_table("acquirer_countries", "%s", branch="main")
            raise SystemExit("no error")
        except E.TableCreatePlanStatusError as e:
            assert e.state.job_status == "FAILED" and "main" in e.message, e.message
        try:
            client.create_table("acquirer_countries", "%s")
            raise SystemExit("no error")
        except E.TableCreatePlanStatusError as e:
            pass
        try:
            client.create_namespace("raw", "main")
            raise SystemExit("no error")
        except E.ForbiddenError as e:
            assert type(e) is E.CreateNamespaceForbiddenError, type(e)
        assert [t.name for t in client.get_tables("main")] == []
        """
                .formatted(csv, csv));
  }

  @Test
  void aMergeIntoMainWaitsForTheGateAndARejectionCarriesTheReason() throws Exception {
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    h.gate.decisions.add(MergeDecision.reject("ID column has duplicates; dedupe first"));
    h.gate.decisions.add(MergeDecision.approve());
    String out =
        h.run(
            PRELUDE
                + """
        client.create_branch("alice.pub", "main")
        client.create_table("acquirer_countries", "%s", branch="alice.pub")
        client.import_data("acquirer_countries", "%s", branch="alice.pub")
        try:
            client.merge_branch("alice.pub", "main")
            raise SystemExit("no error")
        except E.ForbiddenError as e:
            assert type(e) is E.MergeForbiddenError, type(e)
            print("rejected:", e)
        print("main tables", [t.name for t in client.get_tables("main")])
        merged = client.merge_branch("alice.pub", into_branch="main", commit_message="publish")
        print("merged", merged.name, client.has_table("acquirer_countries", "main"))
        """
                    .formatted(csv, csv));

    assertThat(out).contains("rejected:").contains("ID column has duplicates; dedupe first");
    assertThat(out).contains("main tables []", "merged main True");
    assertThat(h.gate.requests).hasSize(2);
    assertThat(h.gateEvents)
        .containsExactly("waiting main", "decided MERGE_FORBIDDEN", "waiting main", "decided OK");
  }

  @Test
  void queryResultsDecodeTypesLikePyarrowAsPy() throws Exception {
    String out =
        h.run(
            PRELUDE
                + """
        r = client.query("SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05.5' AS ts, "
                         "CAST(1.25 AS DECIMAL(10,2)) AS dec, [1, 2, NULL] AS l, "
                         "CAST(NULL AS VARCHAR) AS n, 'x' AS s, 42 AS i, 0.5 AS f", ref="main")
        row = r.to_pylist()[0]
        assert row["d"] == datetime.date(2024, 1, 2), row
        assert row["ts"] == datetime.datetime(2024, 1, 2, 3, 4, 5, 500000), row
        assert row["dec"] == decimal.Decimal("1.25"), row
        assert row["l"] == [1, 2, None] and row["n"] is None and row["s"] == "x", row
        assert r.column("i")[0].as_py() == 42 and r.column(7).to_pylist() == [0.5]
        assert r.to_pydict()["s"] == ["x"] and r.schema.names == r.column_names
        print("types", [str(t) for t in r.schema.types])
        big = client.query("SELECT * FROM range(100)", ref="main", max_rows=10)
        print("capped", big.num_rows)
        import sys
        sys.modules["pandas"] = None  # as in an interpreter without pandas
        try:
            r.to_pandas()
        except ImportError as e:
            print("pandas:", e)
        """);

    assertThat(out).contains("capped 10");
    assertThat(out).contains("'date32[day]'", "'decimal128(10, 2)'", "'list<item: int32>'");
    assertThat(out).contains("pandas: to_pandas() needs pandas");
  }

  @Test
  void sdkObjectsWorkWhereStringsAreExpected() throws Exception {
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    String out =
        h.run(
            PRELUDE
                + """
        base = client.create_branch("alice.base", "main")
        table = client.create_table("acquirer_countries", "%s", branch=base)
        client.import_data(table, "%s", branch=base)
        pinned = client.get_branch("alice.base")
        child = client.create_branch("alice.child", from_ref=pinned)
        print("same head", child.hash == pinned.hash, str(pinned) == "alice.base@" + pinned.hash)
        print("records", client.get_table(table, child).records)
        print("scan", client.scan(table, ref=child, columns=["acquirer"], filters="id < 2").num_rows)
        """
                    .formatted(csv, csv));

    assertThat(out).contains("same head True True", "records 8", "scan 2");
  }

  @Test
  void tagsPinAStateAndTakeNoWrites() throws Exception {
    String csv = PythonHarness.dabstep("acquirer_countries.csv").toString();
    h.run(
        PRELUDE
            + """
        client.create_branch("alice.t", "main")
        client.create_table("acquirer_countries", "%s", branch="alice.t")
        client.import_data("acquirer_countries", "%s", branch="alice.t")
        tag = client.create_tag("v1", "alice.t")
        assert isinstance(tag, bauplan.schema.Tag) and tag.type == bauplan.RefType.TAG, repr(tag)
        assert client.create_tag("v1", "alice.t", if_not_exists=True).hash == tag.hash
        assert client.has_tag("v1") and not client.has_tag("v2") and not client.has_tag("alice.t")
        assert [t.name for t in client.get_tags()] == ["v1"]
        try:
            client.get_tag("v2")
            raise SystemExit("no error")
        except E.TagNotFoundError:
            pass
        n = client.query("SELECT count(*) AS n FROM acquirer_countries", ref="v1").column(0)[0]
        assert n.as_py() == 8, n
        try:
            client.delete_table("acquirer_countries", "v1")
            raise SystemExit("no error")
        except E.NotABranchRefError as e:
            assert type(e) is E.NotAWriteBranchRefError, type(e)
        """
                .formatted(csv, csv));
  }

  @Test
  void unknownMethodsRaiseAttributeErrorLikeTheRealSdk() throws Exception {
    String out =
        h.run(
            PRELUDE
                + """
        for name in ("get_user_info", "run"):
            try:
                getattr(client, name)
            except AttributeError as e:
                print(name, "->", e)
        """);

    assertThat(out).contains("get_user_info -> 'Client' object has no attribute 'get_user_info'");
    assertThat(out).contains("run -> ", "Bauplan's cloud SDK");
  }

  @Test
  void withoutTheGatewayVariableTheClientSaysWhatIsMissing() throws Exception {
    PythonHarness.Result result = h.run("import bauplan\nbauplan.Client()\n", Map.of());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("ValueError", "AIRLOCK_GATEWAY", "not set");
  }
}
