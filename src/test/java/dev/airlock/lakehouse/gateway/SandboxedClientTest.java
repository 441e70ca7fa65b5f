package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.DabstepFiles;
import dev.airlock.lakehouse.MergeDecision;
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
 * The agent's real situation: Python under bubblewrap with no network, the gateway's socket
 * directory bound in, the {@code bauplan} package bound read-only on PYTHONPATH.
 */
class SandboxedClientTest {
  @TempDir Path temp;

  @Test
  void sandboxedCodeReachesTheLakehouseOnlyThroughTheSocket() throws Exception {
    String csv = "/raw/acquirer_countries.csv";
    Path rawFolder = DabstepFiles.folder().toRealPath();
    Path workspace = Files.createDirectories(temp.resolve("ws"));
    Path hostOnly = Files.writeString(temp.resolve("host-only.csv"), "id,acquirer,country_code\n");
    SourcePolicy sources =
        SourcePolicy.unrestricted().withAllowedRoot(rawFolder).withSandboxPath("/raw", rawFolder);
    try (PythonHarness h =
        new PythonHarness(temp, GatewayOptions.defaults("alice").withSourcePolicy(sources))) {
      // the sandbox runs as uid 65534 when the tests run as root: it must reach these folders
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(h.clientFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
      LocalSandboxConfig config =
          LocalSandboxConfig.builder()
              .readOnlyBind(h.clientFolder, "/opt/airlock/python")
              .readWriteBind(h.gateway.directory(), "/run/airlock")
              .readOnlyBind(rawFolder, "/raw")
              .environment(PythonClientInstaller.ENV_HOST_SOURCES, "/raw")
              .environment("PYTHONPATH", "/opt/airlock/python")
              .environment(PythonClientInstaller.ENV_SOCKET, "/run/airlock/" + Gateway.SOCKET_NAME)
              .build();
      h.gate.decisions.add(MergeDecision.reject("not yet: the fees table is missing"));
      ExecutionControl control = new ExecutionControl();
      h.gate.clockPaused = control::clockPaused;
      h.host =
          new GatewayListener() {
            @Override
            public void onCall(GatewayCall call) {}

            @Override
            public void onMergeGateWaiting(GatewayCall pending) {
              control.pauseClock();
            }

            @Override
            public void onMergeGateDecided(GatewayCall call) {
              control.resumeClock();
            }
          };
      h.gateway.setCallContext(CallContext.of("run-9", 1));
      ExecutionResult result;
      try (LocalSandbox sandbox = LocalSandbox.create(config, workspace)) {
        result =
            sandbox.execute(
                new ExecutionRequest(
                    script(csv, hostOnly), List.of(), Duration.ofSeconds(120), Map.of()),
                OutputListener.NONE,
                control);
      }

      assertThat(result.status()).as(result.stderr()).isEqualTo(ExecutionResult.Status.OK);
      assertThat(result.stdout()).contains("network: blocked");
      assertThat(result.stdout()).contains("user: alice", "rows: 8");
      assertThat(result.stdout()).contains("from workspace: SUCCESS 9");
      assertThat(result.stdout())
          .contains("host file: FAILED", "no such file or folder in the sandbox");
      assertThat(h.lakehouse.table("alice.sbx", "acquirer_countries").lineage().sourceUris())
          .contains("sandbox:/work/extra.csv");
      assertThat(result.stdout()).contains("merge refused:", "not yet: the fees table is missing");
      assertThat(h.lakehouse.commits("alice.sbx", 1).get(0).properties())
          .containsEntry("run", "run-9")
          .containsEntry("turn", "1");
      assertThat(h.gateEvents).containsExactly("waiting main", "decided MERGE_FORBIDDEN");
      assertThat(h.gate.clockPausedAtReview).containsExactly(true);
      assertThat(control.clockPaused()).isFalse();
    }
  }

  private static String script(String csv, Path hostOnly) {
    return """
        import socket, bauplan
        from bauplan import exceptions as E
        try:
            socket.create_connection(("1.1.1.1", 53), timeout=3)
            print("network: open")
        except OSError:
            print("network: blocked")
        client = bauplan.Client()
        print("user:", client.info().user.username)
        client.create_branch("alice.sbx", "main")
        client.create_table("acquirer_countries", "%s", branch="alice.sbx")
        state = client.import_data("acquirer_countries", "%s", branch="alice.sbx")
        assert state.job_status == "SUCCESS", state.error
        rows = client.query("SELECT count(*) AS n FROM acquirer_countries", ref="alice.sbx")
        print("rows:", rows.column("n")[0].as_py())
        with open("/work/extra.csv", "w") as f:
            f.write("id,acquirer,country_code\\n8,airlock_bank,DE\\n")
        extra = client.import_data("acquirer_countries", "/work/extra.csv", branch="alice.sbx")
        print("from workspace:", extra.job_status,
              client.get_table("acquirer_countries", "alice.sbx").records)
        leak = client.import_data("acquirer_countries", "%s", branch="alice.sbx")
        print("host file:", leak.job_status, leak.error)
        try:
            client.merge_branch("alice.sbx", "main")
        except E.MergeForbiddenError as e:
            print("merge refused:", e)
        """
        .formatted(csv, csv, hostOnly);
  }
}
