package dev.airlock.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Python under bubblewrap: no network, read-only /usr, a size-capped /tmp, one writable
 * workspace at /work that persists across the run's executions, an environment holding only the
 * whitelist, resource limits set by the bootstrap before the code runs, and a timeout that kills
 * the whole process tree. When Airlock runs as root, the sandbox runs as uid 65534 so the process
 * limit holds. The next execution's process is started ahead and waits for its code (see {@link
 * PythonSandboxBase}).
 *
 * <p>Create with {@link #create(LocalSandboxConfig, Path)}, which checks first that a sandbox can
 * start here ({@link #probe(LocalSandboxConfig)}).
 */
public final class LocalSandbox extends PythonSandboxBase {
  /** The running kernel's release ({@code uname -r}), which says how RLIMIT_NPROC is counted. */
  private static final String KERNEL_RELEASE = System.getProperty("os.version", "");

  private final String bubblewrapVersion;
  private final String pythonVersion;

  /** Checks that a sandbox starts with {@code config}, then opens one on {@code workspace}. */
  public static LocalSandbox create(LocalSandboxConfig config, Path workspace)
      throws SandboxUnavailableException {
    return new LocalSandbox(config, workspace, null, probe(config));
  }

  /** Like {@link #create(LocalSandboxConfig, Path)}, launching from a shared launcher. */
  public static LocalSandbox create(
      LocalSandboxConfig config, Path workspace, SandboxLauncher launcher)
      throws SandboxUnavailableException {
    return new LocalSandbox(config, workspace, launcher, probe(config));
  }

  /**
   * Starts one throwaway sandbox with the full profile. Throws, naming what is missing and what to
   * do, when bubblewrap is absent, user namespaces are refused, or python does not run.
   */
  public static SandboxProbe probe(LocalSandboxConfig config) throws SandboxUnavailableException {
    return SandboxProbe.run(config);
  }

  /**
   * Opens a sandbox on {@code workspace} (created if missing) after a successful probe.
   *
   * @param launcher a shared launcher, or null to own one (closed with this sandbox)
   */
  public LocalSandbox(
      LocalSandboxConfig config, Path workspace, SandboxLauncher launcher, SandboxProbe probe)
      throws SandboxUnavailableException {
    this(config, workspace, launcher, probe.bubblewrapVersion(), probe.pythonVersion());
    requireReachable();
    keepSpare();
  }

  LocalSandbox(
      LocalSandboxConfig config,
      Path workspace,
      SandboxLauncher launcher,
      String bubblewrapVersion,
      String pythonVersion) {
    super(config, workspace, launcher);
    this.bubblewrapVersion = bubblewrapVersion;
    this.pythonVersion = pythonVersion;
  }

  /** The sandbox user must be able to reach what bubblewrap binds (it binds as that user). */
  private void requireReachable() throws SandboxUnavailableException {
    if (dropUid < 0) {
      return;
    }
    // The workspace and writable binds are handed to the sandbox user; read-only ones are not.
    Map<Path, Boolean> sources = new LinkedHashMap<>(Map.of(workspace, false));
    config.binds().forEach(bind -> sources.put(bind.source(), !bind.writable()));
    for (Map.Entry<Path, Boolean> source : sources.entrySet()) {
      Path closed = HostUser.firstClosedPath(source.getKey(), source.getValue());
      if (closed != null) {
        throw new SandboxUnavailableException(
            "the sandbox runs as uid "
                + dropUid
                + " (Airlock runs as root) and cannot reach "
                + source.getKey()
                + " because "
                + closed
                + " is closed to other users: keep the run's folders elsewhere (for example under"
                + " /var/lib/airlock or /tmp), or chmod o+rx "
                + closed
                + ".");
      }
    }
  }

  @Override
  List<String> command(Map<String, String> environment) {
    List<String> argv = new ArrayList<>(ResourceLimits.prefix(dropUid));
    argv.addAll(BubblewrapCommand.build(config, workspace, environment));
    return argv;
  }

  /**
   * The allowance itself: since Linux 5.14 RLIMIT_NPROC is counted per user namespace, and the code
   * lives in its own (verified here: with 30 processes of uid 65534 elsewhere on the host, a limit
   * of 10 inside the sandbox still lets python start exactly 9 children), so no count of the host's
   * processes is needed. An older kernel counts every task of the uid on the host: there the host's
   * tasks are counted when the code is sent, as before.
   */
  @Override
  long processLimit(SandboxProcess process) {
    return ResourceLimits.sandboxProcessLimit(
        config, dropUid, process.process().pid(), KERNEL_RELEASE);
  }

  @Override
  Map<String, String> processEnvironment(Map<String, String> environment) {
    // Nothing of the JVM's environment (API keys) reaches even bubblewrap itself.
    return Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
  }

  @Override
  Map<String, String> baseEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("HOME", BubblewrapCommand.WORKSPACE);
    environment.put("LANG", "C.UTF-8");
    environment.put("PYTHONUNBUFFERED", "1");
    environment.put("TMPDIR", "/tmp");
    environment.put("MPLCONFIGDIR", "/tmp/matplotlib");
    return environment;
  }

  @Override
  public String describe() {
    String user = dropUid >= 0 ? ", runs as uid " + dropUid : "";
    return bubblewrapVersion
        + ", "
        + config.pythonOnHost()
        + " "
        + pythonVersion
        + ", no network, "
        + Sizes.human(config.memoryBytes())
        + " memory"
        + user;
  }

  @Override
  public boolean isolated() {
    return true;
  }
}
