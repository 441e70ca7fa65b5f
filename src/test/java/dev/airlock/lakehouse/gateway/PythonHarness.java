package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.DabstepFiles;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.source.RawSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real lakehouse (DuckDB + JGit) behind a real gateway, and real {@code /usr/bin/python3} with
 * Airlock's {@code bauplan} package on its path: what the sandbox gives the agent's code, minus the
 * isolation (see {@code SandboxedClientTest} for that).
 */
final class PythonHarness implements AutoCloseable {
  static final String PYTHON = "/usr/bin/python3";

  final ScriptedGate gate = new ScriptedGate();
  final List<GatewayCall> calls = new CopyOnWriteArrayList<>();
  final List<String> gateEvents = new CopyOnWriteArrayList<>();

  /** Also told about gate waits, as the agent's host would be (e.g. to pause a clock). */
  volatile GatewayListener host = GatewayListener.NONE;

  final LocalLakehouse lakehouse;
  final Gateway gateway;
  final Path clientFolder;
  private final Path scripts;

  PythonHarness(Path temp) throws IOException {
    this(temp, GatewayOptions.defaults("alice"));
  }

  PythonHarness(Path temp, GatewayOptions options) throws IOException {
    this(temp, options, null);
  }

  /** With {@code rawSources} reading {@code s3://} sources (null: none). */
  PythonHarness(Path temp, GatewayOptions options, RawSources rawSources) throws IOException {
    lakehouse = new LocalLakehouse(temp.resolve("home"), gate, rawSources, null);
    gateway =
        Gateway.start(
            lakehouse,
            options,
            new GatewayListener() {
              @Override
              public void onCall(GatewayCall call) {
                calls.add(call);
              }

              @Override
              public void onMergeGateWaiting(GatewayCall pending) {
                gateEvents.add("waiting " + pending.params().get("into_branch"));
                host.onMergeGateWaiting(pending);
              }

              @Override
              public void onMergeGateDecided(GatewayCall call) {
                gateEvents.add("decided " + (call.succeeded() ? "OK" : call.errorType()));
                host.onMergeGateDecided(call);
              }
            });
    clientFolder = new PythonClientInstaller().install(temp.resolve("pylib"));
    scripts = Files.createDirectories(temp.resolve("scripts"));
  }

  static Path dabstep(String file) {
    return DabstepFiles.file(file);
  }

  /** Runs a script with the gateway's socket in {@code AIRLOCK_GATEWAY}; expects exit 0. */
  String run(String script) throws IOException, InterruptedException {
    Result result =
        run(script, Map.of(PythonClientInstaller.ENV_SOCKET, gateway.socketPath().toString()));
    assertThat(result.exitCode()).as("python exit; stderr:\n" + result.stderr()).isZero();
    return result.stdout();
  }

  Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
    return run(PYTHON, script, env);
  }

  /**
   * Runs a script with {@code python}; the stand-ins go last on its path, after its own packages,
   * as the sandbox's bootstrap puts them.
   */
  Result run(String python, String script, Map<String, String> env)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(scripts, "script", ".py");
    Files.writeString(file, script);
    ProcessBuilder builder =
        new ProcessBuilder(
            python,
            "-B",
            "-c",
            "import sys, runpy; sys.path.append(sys.argv[1]); sys.argv = sys.argv[2:]; "
                + "runpy.run_path(sys.argv[0], run_name='__main__')",
            clientFolder.resolve(PythonClientInstaller.STAND_INS).toString(),
            file.toString());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("PYTHONPATH", clientFolder.toString());
    builder.environment().putAll(env);
    return Result.of(builder.start());
  }

  @Override
  public void close() {
    gateway.close();
    lakehouse.close();
  }

  /** How a python process ended. */
  record Result(int exitCode, String stdout, String stderr) {
    static Result of(Process process) throws IOException, InterruptedException {
      process.getOutputStream().close();
      List<String> out = new ArrayList<>();
      Thread err = new Thread(() -> out.add(read(process.getErrorStream())));
      err.start();
      String stdout = read(process.getInputStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      err.join();
      return new Result(process.exitValue(), stdout, out.isEmpty() ? "" : out.get(0));
    }

    private static String read(InputStream in) {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }
}
