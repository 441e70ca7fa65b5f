package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a startup check found: the bubblewrap and python versions, learned by actually starting one
 * sandbox with the full profile (reading sysctls is not enough: they can look permissive while the
 * launch still fails).
 */
public record SandboxProbe(String bubblewrapVersion, String pythonVersion) {

  static final String NO_ISOLATION_HINT = "or pass --unsafe-no-isolation to run without isolation";

  /** Starts one sandbox with {@code config}; throws with what is missing and what to do. */
  static SandboxProbe run(LocalSandboxConfig config) throws SandboxUnavailableException {
    requireInstalled(config);
    String bubblewrap = bubblewrapVersion(config.bubblewrap());
    Path workspace;
    try {
      workspace = Files.createTempDirectory("airlock-probe-");
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "cannot create a temporary folder for the sandbox"
              + " check: "
              + e.getMessage()
              + ". Check the free space in "
              + tmpDir()
              + ".",
          e);
    }
    try (LocalSandbox sandbox = new LocalSandbox(config, workspace, null, bubblewrap, "?")) {
      ExecutionResult result =
          sandbox.execute(
              new ExecutionRequest(
                  "import sys; print('%d.%d.%d' % sys.version_info[:3])",
                  null, Duration.ofSeconds(30), null),
              OutputListener.NONE,
              new ExecutionControl());
      if (!result.status().succeeded()) {
        throw new SandboxUnavailableException(
            config.python()
                + " does not run inside the sandbox: "
                + (result.error() == null ? result.stderr().strip() : result.error())
                + ". Install python3 (apt-get install python3), "
                + NO_ISOLATION_HINT
                + ".");
      }
      return new SandboxProbe(bubblewrap, result.stdout().strip());
    } finally {
      deleteQuietly(workspace);
    }
  }

  private static void requireInstalled(LocalSandboxConfig config)
      throws SandboxUnavailableException {
    if (!Files.isExecutable(config.bubblewrap())) {
      throw new SandboxUnavailableException(
          "bubblewrap is not installed ("
              + config.bubblewrap()
              + " not found): apt-get install bubblewrap (dnf install bubblewrap), "
              + NO_ISOLATION_HINT
              + ".");
    }
    if (HostUser.dropTarget(config.sandboxUid()) >= 0
        && !ResourceLimits.tool("setpriv").startsWith("/")) {
      throw new SandboxUnavailableException(
          "setpriv is not installed, so the sandbox cannot"
              + " leave the root user: apt-get install util-linux.");
    }
    Path python = config.python().toAbsolutePath().normalize();
    if (!config.pythonVisibleInSandbox()) {
      throw new SandboxUnavailableException(
          "the sandbox sees only the system folder /usr and its bound folders, but the"
              + " interpreter is "
              + python
              + ": use /usr/bin/python3 (apt-get install python3), or bind its folder read-only.");
    }
    if (!Files.isExecutable(config.pythonOnHost())) {
      throw new SandboxUnavailableException(
          "python is not installed at "
              + python
              + ": apt-get install python3, or configure another interpreter under /usr.");
    }
  }

  private static String bubblewrapVersion(Path bwrap) throws SandboxUnavailableException {
    try {
      Process process =
          new ProcessBuilder(bwrap.toString(), "--version").redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return text.strip().isEmpty() ? "bubblewrap" : text.strip().split("\n")[0];
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "bubblewrap ("
              + bwrap
              + ") cannot be started: "
              + e.getMessage()
              + ". Reinstall it (apt-get install bubblewrap), "
              + NO_ISOLATION_HINT
              + ".",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxUnavailableException("interrupted while checking bubblewrap", e);
    }
  }

  /** A human explanation for a failure bubblewrap or setpriv printed on stderr. */
  static String explain(String stderr, LocalSandboxConfig config, int dropUid) {
    String first = stderr.strip().split("\n")[0];
    if (first.contains("uid map") || first.contains("namespace") || first.contains("unshare")) {
      return "bubblewrap could not create the sandbox's namespaces ("
          + first
          + "): the kernel"
          + " refuses unprivileged user namespaces. Allow them (Ubuntu 24.04: sysctl -w"
          + " kernel.apparmor_restrict_unprivileged_userns=0; Debian: sysctl -w"
          + " kernel.unprivileged_userns_clone=1; user.max_user_namespaces must be above 0), "
          + NO_ISOLATION_HINT
          + ".";
    }
    if (first.contains("Can't mount proc")) {
      return "bubblewrap cannot mount /proc ("
          + first
          + "), which happens inside containers:"
          + " run the container with --security-opt unmask=/proc/* (Podman) or a less strict"
          + " profile, "
          + NO_ISOLATION_HINT
          + ".";
    }
    if (first.contains("source path")
        || first.contains("Can't bind")
        || first.contains("Permission denied")) {
      String who = dropUid >= 0 ? "the sandbox user (uid " + dropUid + ")" : "the current user";
      return "bubblewrap cannot bind a folder into the sandbox ("
          + first
          + "): the workspace and"
          + " every bound folder must exist and be reachable by "
          + who
          + "; keep them out of private folders such as /root.";
    }
    return "the sandbox could not start ("
        + first
        + "). Check the bubblewrap installation"
        + " (bwrap --version), "
        + NO_ISOLATION_HINT
        + ".";
  }

  private static String tmpDir() {
    return System.getProperty("java.io.tmpdir");
  }

  static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
