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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the bubblewrap sandbox and the unisolated runner share: one workspace, executions one at a
 * time, the package check, the limits, the output caps, the timeout and the result mapping. The
 * subclasses say only how the process is started.
 *
 * <p>A sandbox that {@linkplain #keepSpare() keeps a spare} starts its next process ahead: when it
 * opens and right after each execution ends (while the model answers and the person reads), so an
 * approved execution only hands its code to a process whose bubblewrap, python and limits are
 * already up. Every execution gets a fresh process: a spare runs nothing but the bootstrap until it
 * gets code, and is used once. A spare serves only an execution with the environment it was started
 * with (the CPU and process limits travel with the code, in the header); otherwise, or when it died
 * meanwhile, the execution starts its own process as if there were no spare. The spare is killed
 * when an execution is cancelled and when the sandbox closes.
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
  private final SpareSlot spare;
  private volatile boolean closed;

  PythonSandboxBase(LocalSandboxConfig config, Path workspace, SandboxLauncher launcher) {
    this.config = config;
    this.workspace = workspace.toAbsolutePath().normalize();
    this.dropUid = HostUser.dropTarget(config.sandboxUid());
    this.ownsLauncher = launcher == null;
    this.launcher = launcher == null ? new SandboxLauncher() : launcher;
    this.spare = new SpareSlot(this.launcher);
    this.classifier = new ResultClassifier(config);
  }

  /** The full argv of a sandbox process with {@code environment}. */
  abstract List<String> command(Map<String, String> environment);

  /** The environment the started process itself gets (bubblewrap then clears it again). */
  abstract Map<String, String> processEnvironment(Map<String, String> environment);

  /** RLIMIT_NPROC for the code in {@code process}, set by the bootstrap before the code runs. */
  abstract long processLimit(SandboxProcess process);

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
    own.onCancel(spare::discard);
    oneAtATime.lock();
    running.add(own);
    Map<String, String> environment = null;
    try {
      if (closed || own.isCancelled()) {
        return cancelledBeforeStart(request);
      }
      prepareFolders();
      environment = environment(request.environment());
      List<String> missing = missingPackages(request.packages(), environment);
      ProcessExecution.Outcome outcome =
          run(request.code(), request.timeout(), environment, listener, own, clock);
      failIfSandboxBroken(outcome);
      return classifier.classify(outcome, request.timeout(), missing);
    } finally {
      running.remove(own);
      if (environment != null && !own.isCancelled()) {
        startSpare(environment);
      }
      oneAtATime.unlock();
    }
  }

  /** The sandbox's own variables, the configured ones, then the request's (checked). */
  private Map<String, String> environment(Map<String, String> requestEnvironment) {
    Map<String, String> environment = new LinkedHashMap<>(baseEnvironment());
    environment.putAll(config.environment());
    requestEnvironment.forEach(
        (name, value) -> {
          LocalSandboxConfig.checkName(name);
          environment.put(name, value);
        });
    return environment;
  }

  /**
   * Runs {@code code} in the spare when it fits, else in a process started now. A spare that turns
   * out to have died before it took the code (killed from outside) ran nothing: the code then runs
   * in a process started now, as if there had been no spare.
   */
  private ProcessExecution.Outcome run(
      String code,
      Duration timeout,
      Map<String, String> environment,
      OutputListener listener,
      ExecutionControl own,
      ExecutionControl clock)
      throws SandboxUnavailableException {
    SandboxProcess ready = spare.take(environment);
    if (ready != null) {
      ProcessExecution.Outcome outcome = run(ready, code, timeout, listener, own, clock);
      if (!ready.neverTookCode() || outcome.cancelled() || outcome.timedOut()) {
        return outcome;
      }
    }
    return run(startNow(environment), code, timeout, listener, own, clock);
  }

  private ProcessExecution.Outcome run(
      SandboxProcess process,
      String code,
      Duration timeout,
      OutputListener listener,
      ExecutionControl own,
      ExecutionControl clock) {
    String header = PythonBootstrap.header(config.cpuSecondsFor(timeout), processLimit(process));
    return ProcessExecution.run(
        process, header, code, timeout, config.outputCapBytes(), listener, own, clock);
  }

  private SandboxProcess startNow(Map<String, String> environment)
      throws SandboxUnavailableException {
    ProcessBuilder builder = builder(environment);
    try {
      return new SandboxProcess(launcher.start(builder), environment);
    } catch (IOException e) {
      throw new SandboxUnavailableException(
          "cannot start the sandbox ("
              + builder.command().get(0)
              + "): "
              + e.getMessage()
              + ". Check that util-linux (setpriv) and python3 are installed.",
          e);
    }
  }

  private ProcessBuilder builder(Map<String, String> environment) {
    return ProcessExecution.builder(
        command(environment), processEnvironment(environment), workspace);
  }

  /** From now on, keep a spare process started ahead (see the class comment). */
  final void keepSpare() {
    spare.keep();
    try {
      prepareFolders();
    } catch (SandboxUnavailableException e) {
      return; // The first execution reports it.
    }
    startSpare(environment(Map.of()));
  }

  /** Starts the spare for an execution with {@code environment}, unless it is there already. */
  private void startSpare(Map<String, String> environment) {
    spare.offer(environment, () -> builder(environment));
  }

  /**
   * Test and benchmark hook: waits until the spare (if any) is ready for its code, as it is after
   * the model's answer time. True when a ready spare is there.
   */
  boolean awaitSpare() {
    SandboxProcess current = spare.current();
    return current != null && current.awaitReady();
  }

  /** Test hook: the spare's process (bubblewrap, or setpriv before it), if there is one. */
  Optional<ProcessHandle> spareProcess() {
    SandboxProcess current = spare.current();
    return current == null ? Optional.empty() : Optional.of(current.process().toHandle());
  }

  private List<String> missingPackages(List<String> packages, Map<String, String> environment)
      throws SandboxUnavailableException {
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
              environment(Map.of()),
              OutputListener.NONE,
              new ExecutionControl(),
              new ExecutionControl());
      // The check may have taken the spare: start the execution's.
      startSpare(environment);
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

  /** bubblewrap and setpriv report their own failures on stderr with their name. */
  private void failIfSandboxBroken(ProcessExecution.Outcome outcome)
      throws SandboxUnavailableException {
    if (outcome.cancelled() || outcome.timedOut() || outcome.exitCode() == 0) {
      return;
    }
    String stderr = outcome.stderr().strip();
    for (String tool : List.of("bwrap: ", "setpriv: ")) {
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
    CompletableFuture<Void> lastSpare = spare.close();
    oneAtATime.lock();
    try {
      // Gone before close returns: no sandbox process outlives a closed sandbox.
      lastSpare.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Killed already, or the launcher never started it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        if (ownsLauncher) {
          launcher.close();
        }
      } finally {
        oneAtATime.unlock();
      }
    }
  }
}
