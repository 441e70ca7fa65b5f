package dev.airlock.cli;

import dev.airlock.agent.ExecutionHooks;
import dev.airlock.agent.RunListener;
import dev.airlock.sandbox.LocalSandbox;
import dev.airlock.sandbox.LocalSandboxConfig;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxUnavailableException;
import dev.airlock.sandbox.UnisolatedSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;

/** What a run executes against: its sandbox (and the lakehouse the sandboxed code reaches). */
final class RunBackends implements AutoCloseable {
  private final Sandbox sandbox;

  private RunBackends(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  static RunBackends open(AirlockPaths paths, Path home, String runId, boolean unsafe, PrintStream log)
      throws RunSetup.SetupException {
    Path workspace = sandboxFolders(paths).resolve(runId);
    LocalSandboxConfig config = LocalSandboxConfig.defaults();
    return new RunBackends(sandbox(config, workspace, unsafe, log));
  }

  /**
   * Where a run's sandbox-visible folders live. As root the sandbox drops to an unprivileged uid,
   * which cannot enter root's home: then they live in a traversable-but-unlistable folder in /tmp.
   */
  static Path sandboxFolders(AirlockPaths paths) throws RunSetup.SetupException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return paths.workspaces();
    }
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "airlock-sandboxes");
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      return dir;
    } catch (IOException e) {
      throw new RunSetup.SetupException(ExitCodes.UNAVAILABLE, "cannot prepare " + dir + " for sandboxes: "
          + e.getMessage());
    }
  }

  private static Sandbox sandbox(LocalSandboxConfig config, Path workspace, boolean unsafe, PrintStream log)
      throws RunSetup.SetupException {
    try {
      return LocalSandbox.create(config, workspace);
    } catch (SandboxUnavailableException e) {
      if (!unsafe) {
        throw new RunSetup.SetupException(ExitCodes.UNAVAILABLE, e.getMessage());
      }
      log.println("warning: " + e.getMessage());
      log.println("warning: --unsafe-no-isolation: the agent's code will run WITHOUT isolation on this machine.");
      try {
        return new UnisolatedSandbox(config, workspace, null);
      } catch (SandboxUnavailableException again) {
        throw new RunSetup.SetupException(ExitCodes.UNAVAILABLE, again.getMessage());
      }
    }
  }

  Sandbox sandbox() {
    return sandbox;
  }

  ExecutionHooks hooks(RunListener listener) {
    return ExecutionHooks.NONE;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
