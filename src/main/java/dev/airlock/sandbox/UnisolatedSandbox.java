package dev.airlock.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NO ISOLATION: plain python3 on the host, for machines where bubblewrap cannot run and the user
 * explicitly chose {@code --unsafe-no-isolation}. It keeps what needs no kernel support: the limits
 * (set by the bootstrap, and a uid switch when running as root), a cleared environment, the
 * workspace as working folder, the timeout and the kill of the process tree. It does not stop the
 * code from reading or writing any file the user can, nor from using the network; processes that
 * detach from the tree (setsid and a double fork) may outlive the execution.
 *
 * <p>Bind targets are rewritten to their host folders in environment values, so {@code
 * PYTHONPATH=/opt/airlock/python} points at the bound host folder.
 */
public final class UnisolatedSandbox extends PythonSandboxBase {
  private final Path tmp;

  /**
   * @param launcher a shared launcher, or null to own one (closed with this sandbox)
   */
  public UnisolatedSandbox(LocalSandboxConfig config, Path workspace, SandboxLauncher launcher)
      throws SandboxUnavailableException {
    super(config, workspace, launcher);
    if (!Files.isExecutable(config.pythonOnHost())) {
      throw new SandboxUnavailableException(
          "python is not installed at "
              + config.pythonOnHost()
              + ": apt-get install python3, or configure another interpreter.");
    }
    try {
      tmp = Files.createTempDirectory("airlock-tmp-");
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "cannot create a temporary folder for the code: "
              + e.getMessage()
              + ". Check the free space in "
              + System.getProperty("java.io.tmpdir"),
          e);
    }
  }

  @Override
  List<Path> ownedFolders() {
    List<Path> folders = new ArrayList<>(super.ownedFolders());
    folders.add(tmp);
    return folders;
  }

  @Override
  List<String> command(Map<String, String> environment) {
    List<String> argv = new ArrayList<>(ResourceLimits.prefix(dropUid));
    argv.addAll(PythonBootstrap.command(config.pythonOnHost().toString(), config));
    return argv;
  }

  /** Without a user namespace RLIMIT_NPROC counts every process of the uid on the host. */
  @Override
  long processLimit(SandboxProcess process) {
    return ResourceLimits.processLimit(config, dropUid, process.process().pid());
  }

  @Override
  Map<String, String> processEnvironment(Map<String, String> environment) {
    Map<String, String> host = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          String rewritten = value;
          for (BindMount bind : config.binds()) {
            rewritten = bind.toHostPaths(rewritten);
          }
          host.put(name, rewritten);
        });
    return host;
  }

  @Override
  Map<String, String> baseEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("HOME", workspace.toString());
    environment.put("LANG", "C.UTF-8");
    environment.put("PYTHONUNBUFFERED", "1");
    environment.put("TMPDIR", tmp.toString());
    environment.put("MPLCONFIGDIR", tmp.resolve("matplotlib").toString());
    return environment;
  }

  @Override
  public String describe() {
    return "NO ISOLATION: "
        + config.pythonOnHost()
        + " runs directly on this machine (network and"
        + " files reachable), "
        + Sizes.human(config.memoryBytes())
        + " memory";
  }

  @Override
  public boolean isolated() {
    return false;
  }

  @Override
  public void close() {
    super.close();
    SandboxProbe.deleteQuietly(tmp);
  }
}
