package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.sandbox.ExecutionControl;
import dev.airlock.sandbox.ExecutionRequest;
import dev.airlock.sandbox.ExecutionResult;
import dev.airlock.sandbox.LocalSandbox;
import dev.airlock.sandbox.LocalSandboxConfig;
import dev.airlock.sandbox.OutputListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, hole 1, as the agent's code tried it: Python under bubblewrap, through {@code bauplan},
 * names main by the alias {@code x/../main} (refs were looked up as files) to write a table onto
 * main, merge into it without the gate, and delete it. Each call fails with INVALID_REF (in Python
 * InvalidRefError, or for create_table the SDK's failed plan naming the ref); main keeps its head
 * and its tables.
 */
class RefAliasSandboxTest {
  @TempDir Path temp;

  @Test
  void anAliasOfMainIsRefusedAndMainStaysAsItWas() throws Exception {
    Path workspace = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(workspace.resolve("rows.csv"), "id,v\n1,a\n2,b\n");
    SourcePolicy sources = SourcePolicy.unrestricted().withSandboxPath("/work", workspace);
    try (PythonHarness h =
        new PythonHarness(temp, GatewayOptions.defaults("alice").withSourcePolicy(sources))) {
      Ref mainBefore = publishFees(h, workspace.resolve("rows.csv"));
      // the sandbox runs as uid 65534 when the tests run as root: it must reach these folders
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(h.clientFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxrwxrwx"));
      LocalSandboxConfig config =
          LocalSandboxConfig.builder()
              .readOnlyBind(h.clientFolder, "/opt/airlock/python")
              .readWriteBind(h.gateway.directory(), "/run/airlock")
              .environment("PYTHONPATH", "/opt/airlock/python")
              .environment(PythonClientInstaller.ENV_SOCKET, "/run/airlock/" + Gateway.SOCKET_NAME)
              .build();
      ExecutionResult result;
      try (LocalSandbox sandbox = LocalSandbox.create(config, workspace)) {
        result =
            sandbox.execute(
                new ExecutionRequest(SCRIPT, List.of(), Duration.ofSeconds(120), Map.of()),
                OutputListener.NONE,
                new ExecutionControl());
      }

      assertThat(result.status()).as(result.stderr()).isEqualTo(ExecutionResult.Status.OK);
      assertThat(result.stdout())
          .contains(
              "create_table refused: TableCreatePlanStatusError FAILED Invalid ref 'x/../main'",
              "merge_branch refused: InvalidRefError INVALID_REF 400",
              "delete_branch refused: InvalidRefError INVALID_REF 400",
              "main has: ['fees']");
      assertThat(result.stdout()).doesNotContain("went through");
      assertThat(h.lakehouse.branch("main")).isEqualTo(mainBefore);
      assertThat(h.lakehouse.tables("main"))
          .extracting(TableInfo::fqn)
          .containsExactly("bauplan.fees");
      assertThat(h.gate.requests).as("no merge reached the gate").hasSize(1);
      assertThat(h.gateEvents).isEmpty();
      assertThat(h.calls)
          .filteredOn(c -> c.params().containsValue("x/../main"))
          .extracting(GatewayCall::method, GatewayCall::errorType)
          .containsExactly(
              tuple("create_table", "INVALID_REF"),
              tuple("merge_branch", "INVALID_REF"),
              tuple("delete_branch", "INVALID_REF"));
    }
  }

  /** Main with one table, published the proper way (one approved merge). */
  private static Ref publishFees(PythonHarness h, Path csv) {
    WriteContext human = WriteContext.user("bob");
    h.lakehouse.createBranch("pub", "main");
    h.lakehouse.createTable("fees", csv.toString(), "pub", false, human);
    h.lakehouse.importData("fees", csv.toString(), "pub", human);
    h.gate.decisions.add(MergeDecision.approve());
    return h.lakehouse.merge("pub", "main", human);
  }

  private static final String SCRIPT =
      """
      import bauplan
      from bauplan import exceptions as E
      client = bauplan.Client()
      client.create_branch("x/y", "main")
      client.create_table("leak", "/work/rows.csv", branch="x/y")
      client.import_data("leak", "/work/rows.csv", branch="x/y")
      attacks = [
          ("create_table", lambda: client.create_table("evil", "/work/rows.csv", branch="x/../main")),
          ("merge_branch", lambda: client.merge_branch("x/y", "x/../main")),
          ("delete_branch", lambda: client.delete_branch("x/../main")),
      ]
      for name, attack in attacks:
          try:
              attack()
              print(name, "went through")
          except E.InvalidRefError as e:
              print(name, "refused:", type(e).__name__, e.type, e.code)
          except E.TableCreatePlanStatusError as e:
              # the SDK reports every failed table plan so; the plan's error names the bad ref
              print(name, "refused:", type(e).__name__, e.state.job_status, e.state.error[:26])
      print("main has:", sorted(t.name for t in client.get_tables("main")))
      """;
}
