package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Opens local sandboxes for tests, probing the machine once per test JVM. */
final class TestSandboxes {
  private static SandboxProbe probe;

  private TestSandboxes() {}

  static synchronized SandboxProbe probe() throws SandboxUnavailableException {
    if (probe == null) {
      probe = LocalSandbox.probe(LocalSandboxConfig.defaults());
    }
    return probe;
  }

  static LocalSandbox open(Path workspace) throws SandboxUnavailableException {
    return open(workspace, LocalSandboxConfig.defaults());
  }

  static LocalSandbox open(Path workspace, LocalSandboxConfig config)
      throws SandboxUnavailableException {
    return new LocalSandbox(config, workspace, null, probe());
  }

  static ExecutionResult run(Sandbox sandbox, String code) throws SandboxUnavailableException {
    return run(sandbox, code, Duration.ofSeconds(60));
  }

  static ExecutionResult run(Sandbox sandbox, String code, Duration timeout)
      throws SandboxUnavailableException {
    return sandbox.execute(
        new ExecutionRequest(code, List.of(), timeout, Map.of()),
        OutputListener.NONE,
        new ExecutionControl());
  }

  /** Lets the sandbox user (uid 65534 when tests run as root) read a JUnit temp folder. */
  static void openToOthers(Path folder) throws IOException {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Joins consecutive "STREAM:chunk" events of the same stream: chunks are not lines. */
  static List<String> mergeRuns(List<String> events) {
    List<String> runs = new ArrayList<>();
    for (String event : events) {
      String stream = event.substring(0, event.indexOf(':') + 1);
      int last = runs.size() - 1;
      if (last >= 0 && runs.get(last).startsWith(stream)) {
        runs.set(last, runs.get(last) + event.substring(stream.length()));
      } else {
        runs.add(event);
      }
    }
    return runs;
  }

  /** Python source lines joined with newlines (text blocks keep tests readable too). */
  static String py(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
