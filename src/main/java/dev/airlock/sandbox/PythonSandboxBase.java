package dev.airlock.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the bubblewrap sandbox and the unisolated runner share: one workspace, executions one at a
 * time, the package check, the limits, the output caps, the timeout and the result mapping. The
 * subclasses say only how the process is started.
 */
abstract class PythonSandboxBase implements Sandbox {
  private static final Duration PACKAGE_CHECK_TIMEOUT = Duration.ofSeconds(30);

  protected final LocalSandboxConfig config;
  protected final Path workspace;
  protected final int dropUid;
  private final SandboxLauncher launcher;
  private final boolean ownsLauncher;
  private final ResultClassifier classifier;
  private final ReentrantLock oneAtATime = new ReentrantLock();
  private final Map<String, Boolean> importable = new HashMap<>();
  private final Set<ExecutionControl> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  PythonSandboxBase(LocalSandboxConfig config, Path workspace, SandboxLauncher launcher) {
    this.config = config;
    this.workspace = workspace.toAbsolutePath().normalize();
    this.dropUid = HostUser.dropTarget(config.sandboxUid());
    this.ownsLauncher = launcher == null;
    this.launcher = launcher == null ? new SandboxLauncher() : launcher;
    this.classifier = new ResultClassifier(config);
  }

  /** The full argv for one execution. */
  abstract List<String> command(Map<String, String> environment, long cpuSeconds);

  /** The environment the started process itself gets (bubblewrap then clears it again). */
  abstract Map<String, String> processEnvironment(Map<String, String> environment);

  /** HOME, TMPDIR and the other variables that point into the sandbox's own folders. */
  abstract Map<String, String> baseEnvironment();

  /** Folders the sandbox user must own before each execution. */
  List<Path> ownedFolders() {
    List<Path> folders = new ArrayList<>(List.of(workspace));
    config.binds().stream()
        .filter(BindMount::writable)
        .map(BindMount::source)
        .forEach(folders::add);
    return folders;
  }

  @Override
  public ExecutionResult execute(
      ExecutionRequest request, OutputListener output, ExecutionControl control)
      throws SandboxUnavailableException {
    OutputListener listener = output == null ? OutputListener.NONE : output;
    ExecutionControl clock = control == null ? new ExecutionControl() : control;
    ExecutionControl own = new ExecutionControl();
    clock.onCancel(own::cancel);
    oneAtATime.lock();
    running.add(own);
    try {
      if (closed || own.isCancelled()) {
        return cancelledBeforeStart(request);
      }
      prepareFolders();
      List<String> missing = missingPackages(request.packages());
      ProcessExecution.Outcome outcome =
          run(request.code(), request.timeout(), request.environment(), listener, own, clock);
      failIfSandboxBroken(outcome);
      return classifier.classify(outcome, request.timeout(), missing);
    } finally {
      running.remove(own);
      oneAtATime.unlock();
    }
  }

  private ProcessExecution.Outcome run(
      String code,
      Duration timeout,
      Map<String, String> requestEnvironment,
      OutputListener listener,
      ExecutionControl own,
      ExecutionControl clock)
      throws SandboxUnavailableException {
    Map<String, String> environment = new LinkedHashMap<>(baseEnvironment());
    environment.putAll(config.environment());
    requestEnvironment.forEach(
        (name, value) -> {
          LocalSandboxConfig.checkName(name);
          environment.put(name, value);
        });
    List<String> argv = command(environment, config.cpuSecondsFor(timeout));
    try {
      return ProcessExecution.run(
          launcher,
          argv,
          processEnvironment(environment),
          workspace,
          code,
          timeout,
          config.outputCapBytes(),
          listener,
          own,
          clock);
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "cannot start the sandbox ("
              + argv.get(0)
              + "): "
              + e.getMessage()
              + ". Check that util-linux (prlimit, setpriv) and python3 are installed.",
          e);
    }
  }

  private List<String> missingPackages(List<String> packages) throws SandboxUnavailableException {
    Map<String, String> moduleOf = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String requirement : packages) {
      String module = PackageNames.importName(requirement);
      if (module != null) {
        moduleOf.put(requirement, module);
      }
    }
    List<String> unknown =
        moduleOf.values().stream().distinct().filter(m -> !importable.containsKey(m)).toList();
    if (!unknown.isEmpty()) {
      ProcessExecution.Outcome check =
          run(
              PackageNames.checkScript(unknown),
              PACKAGE_CHECK_TIMEOUT,
              Map.of(),
              OutputListener.NONE,
              new ExecutionControl(),
              new ExecutionControl());
      if (check.exitCode() != null && check.exitCode() == 0) {
        Set<String> notFound = Set.copyOf(List.of(check.stdout().strip().split("\\s+")));
        unknown.forEach(module -> importable.put(module, !notFound.contains(module)));
      }
    }
    moduleOf.forEach(
        (requirement, module) -> {
          if (Boolean.FALSE.equals(importable.get(module))) {
            missing.add(requirement);
          }
        });
    return missing;
  }

  private void prepareFolders() throws SandboxUnavailableException {
    try {
      Files.createDirectories(workspace);
      if (dropUid >= 0) {
        HostUser.chownTree(workspace, dropUid);
        for (Path folder : ownedFolders().subList(1, ownedFolders().size())) {
          HostUser.chown(folder, dropUid);
          try (var children = Files.list(folder)) {
            children.forEach(child -> HostUser.chown(child, dropUid));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new SandboxUnavailableException(
          "cannot prepare the sandbox workspace "
              + workspace
              + ": "
              + e.getMessage()
              + ". Check that the folder is on a local disk Airlock can write.",
          e);
    }
  }

  /** bubblewrap, setpriv and prlimit report their own failures on stderr with their name. */
  private void failIfSandboxBroken(ProcessExecution.Outcome outcome)
      throws SandboxUnavailableException {
    if (outcome.cancelled() || outcome.timedOut() || outcome.exitCode() == 0) {
      return;
    }
    String stderr = outcome.stderr().strip();
    for (String tool : List.of("bwrap: ", "prlimit: ", "setpriv: ")) {
      if (stderr.startsWith(tool) && outcome.stdout().isEmpty()) {
        throw new SandboxUnavailableException(SandboxProbe.explain(stderr, config, dropUid));
      }
    }
  }

  private ExecutionResult cancelledBeforeStart(ExecutionRequest request) {
    String why = closed ? "the sandbox is closed" : "the execution was cancelled before it started";
    return new ExecutionResult(
        ExecutionResult.Status.CANCELLED,
        null,
        "",
        "",
        0,
        0,
        "cancelled: " + why,
        Duration.ZERO,
        List.of());
  }

  @Override
  public void close() {
    closed = true;
    running.forEach(ExecutionControl::cancel);
    oneAtATime.lock();
    try {
      if (ownsLauncher) {
        launcher.close();
      }
    } finally {
      oneAtATime.unlock();
    }
  }
}
