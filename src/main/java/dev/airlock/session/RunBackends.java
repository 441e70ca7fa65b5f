package dev.airlock.session;

import dev.airlock.agent.DataEffectsCollector;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunJournal;
import dev.airlock.agent.RunListener;
import dev.airlock.agent.TurnHooks;
import dev.airlock.lakehouse.ConfinedSources;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.lakehouse.LakehouseListener;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.gateway.CallContext;
import dev.airlock.lakehouse.gateway.Gateway;
import dev.airlock.lakehouse.gateway.GatewayCall;
import dev.airlock.lakehouse.gateway.GatewayListener;
import dev.airlock.lakehouse.gateway.GatewayOptions;
import dev.airlock.lakehouse.gateway.PythonClientInstaller;
import dev.airlock.lakehouse.gateway.RemoteSources;
import dev.airlock.sandbox.ChosenPython;
import dev.airlock.sandbox.ExecutionControl;
import dev.airlock.sandbox.LocalSandbox;
import dev.airlock.sandbox.LocalSandboxConfig;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.sandbox.SandboxUnavailableException;
import dev.airlock.sandbox.UnisolatedSandbox;
import dev.airlock.source.S3Prefix;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a run executes against: the embedded lakehouse, the gateway that serves it to sandboxed code
 * over a Unix socket, the Python {@code bauplan} client, and the sandbox with both bound in. Also
 * the glue that attributes lakehouse calls and commits to turns, and pauses a turn's timeout while
 * a merge into main waits for the supervisor.
 */
final class RunBackends implements AutoCloseable {
  static final String CLIENT_IN_SANDBOX = "/opt/airlock/python";
  static final String GATEWAY_IN_SANDBOX = "/run/airlock";

  private final Gateway gateway;
  private final Sandbox sandbox;
  private final String runId;
  private volatile ExecutionControl current;
  private final DataEffectsCollector effects;
  private final RunPublishing publishing;
  private final LakehouseListener lakehouseListener;
  private final LocalLakehouse lakehouse;
  private final RunListener listener;
  private final Clock clock;

  private RunBackends(
      Gateway gateway,
      Sandbox sandbox,
      Spec spec,
      DataEffectsCollector effects,
      RunPublishing publishing,
      LakehouseListener lakehouseListener) {
    this.gateway = gateway;
    this.sandbox = sandbox;
    this.runId = spec.runId();
    this.effects = effects;
    this.publishing = publishing;
    this.lakehouseListener = lakehouseListener;
    this.lakehouse = spec.lease().lakehouse();
    this.listener = spec.listener();
    this.clock = spec.clock();
  }

  /** Everything a run's backends need to know. */
  record Spec(
      AirlockPaths paths,
      Lakehouses.Lease lease,
      String runId,
      String user,
      String rawUri,
      List<S3Prefix> allowedSources,
      boolean unsafe,
      ChosenPython python,
      MergePolicy merge,
      Verifier verifier,
      Expectations expectations,
      RunJournal journal,
      RunListener listener,
      Clock clock,
      Consumer<String> progress) {}

  static RunBackends open(Spec spec) throws LaunchException {
    Path folders = sandboxFolders(spec.paths()).resolve(spec.runId());
    Path workspace = folders.resolve("work");
    LocalLakehouse lakehouse = spec.lease().lakehouse();
    Gateway gateway = null;
    RunPublishing publishing = null;
    LakehouseListener heard = null;
    try {
      Files.createDirectories(folders);
      Files.setPosixFilePermissions(folders, PosixFilePermissions.fromString("rwx--x--x"));
      Path client = new PythonClientInstaller().install(folders.resolve("python"));
      DataEffectsCollector effects = new DataEffectsCollector();
      Path rawLocal = RawData.localPath(spec.rawUri());
      RawData.refuseWritableRaw(rawLocal, folders);
      publishing =
          new RunPublishing(
              lakehouse,
              spec.verifier(),
              spec.expectations(),
              spec.merge(),
              spec.journal(),
              spec.listener(),
              spec.clock(),
              spec.runId(),
              spec.user());
      heard = ofThisRun(spec.runId(), dataChanges(spec, effects), publishing::onLakehouseEvent);
      lakehouse.addListener(heard);
      RunBackends[] self = new RunBackends[1];
      // The host reads only the raw data, which the code cannot change; files the code writes
      // reach the lakehouse as bytes its client uploads, never as host paths.
      Lakehouse confined =
          lakehouse.confinedTo(
              spec.runId(), new ConfinedSources(rawLocal == null ? List.of() : List.of(rawLocal)));
      gateway =
          Gateway.start(
              confined,
              GatewayOptions.defaults(spec.user())
                  .withSourcePolicy(
                      RawData.sourcePolicy(spec.rawUri())
                          .withRemoteSources(RemoteSources.only(spec.allowedSources()))),
              gatewayListener(spec, () -> self[0]));
      RawData.refuseWritableRaw(rawLocal, gateway.directory());
      LocalSandboxConfig.Builder config =
          LocalSandboxConfig.builder()
              .readOnlyBind(client, CLIENT_IN_SANDBOX)
              .readWriteBind(gateway.directory(), GATEWAY_IN_SANDBOX);
      Path rawFolder = RawData.rawFolder(spec.rawUri());
      // Only a raw folder is bound for listing; a single raw file is reachable through the gateway
      // alone, so nothing else of its folder becomes visible to the code.
      if (rawFolder != null && rawFolder.equals(rawLocal) && RawData.openToOthers(rawFolder)) {
        config.readOnlyBind(rawFolder, RawData.RAW_IN_SANDBOX);
      }
      if (rawFolder != null) {
        config.environment(PythonClientInstaller.ENV_HOST_SOURCES, RawData.RAW_IN_SANDBOX);
      }
      PythonClientInstaller.sandboxEnvironment(
              Path.of(GATEWAY_IN_SANDBOX, Gateway.SOCKET_NAME), Path.of(CLIENT_IN_SANDBOX))
          .forEach(config::environment);
      if (spec.python() != null) {
        withPython(config, spec.python());
      }
      Sandbox sandbox = sandbox(config.build(), workspace, spec.unsafe(), spec.progress());
      self[0] = new RunBackends(gateway, sandbox, spec, effects, publishing, heard);
      return self[0];
    } catch (IOException | RuntimeException | LaunchException e) {
      if (heard != null) {
        lakehouse.removeListener(heard);
      }
      Launcher.closeQuietly(gateway, publishing);
      if (e instanceof LaunchException launch) {
        throw launch;
      }
      throw LaunchException.unavailable("cannot open the lakehouse for the run: " + e.getMessage());
    }
  }

  /** Hears only the lakehouse operations this run's code made (the lakehouse may be shared). */
  private static LakehouseListener ofThisRun(String runId, LakehouseListener... listeners) {
    return e -> {
      if (e.context() != null && runId.equals(e.context().runId())) {
        for (LakehouseListener l : listeners) {
          l.onEvent(e);
        }
      }
    };
  }

  private static void withPython(LocalSandboxConfig.Builder config, ChosenPython python)
      throws LaunchException {
    try {
      python.applyTo(config);
    } catch (ChosenPython.UnusableException e) {
      throw LaunchException.of(RunRequest.Field.PYTHON, e.getMessage());
    }
  }

  private static LakehouseListener dataChanges(Spec spec, DataEffectsCollector effects) {
    return (LakehouseEvent e) -> {
      RunEvent.DataChanged change = RunEvent.DataChanged.of(e, spec.clock().instant());
      // Writes outside any turn (the fork recreating branches before the run starts) are recorded
      // in the run's settings instead.
      if (change != null && change.turn() > 0) {
        effects.add(change);
        spec.listener().onEvent(change);
      }
    };
  }

  private static GatewayListener gatewayListener(Spec spec, Supplier<RunBackends> self) {
    return new GatewayListener() {
      @Override
      public void onCall(GatewayCall call) {
        int turn =
            call.context() == null || call.context().turn() == null ? 0 : call.context().turn();
        spec.listener()
            .onEvent(
                new RunEvent.LakehouseCall(
                    turn,
                    spec.clock().instant(),
                    call.method(),
                    call.params(),
                    call.succeeded(),
                    call.result(),
                    call.errorType(),
                    call.errorMessage(),
                    call.duration() == null ? 0 : call.duration().toMillis()));
      }

      @Override
      public void onMergeGateWaiting(GatewayCall pending) {
        ExecutionControl control = self.get() == null ? null : self.get().current;
        if (control != null) {
          control.pauseClock();
        }
      }

      @Override
      public void onMergeGateDecided(GatewayCall call) {
        ExecutionControl control = self.get() == null ? null : self.get().current;
        if (control != null) {
          control.resumeClock();
        }
      }
    };
  }

  /**
   * Where a run's sandbox-visible folders live. As root the sandbox drops to an unprivileged uid,
   * which cannot enter root's home: then they live in a traversable-but-unlistable folder in /tmp.
   */
  static Path sandboxFolders(AirlockPaths paths) throws LaunchException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return paths.workspaces();
    }
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "airlock-sandboxes");
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
      return dir;
    } catch (IOException e) {
      throw LaunchException.unavailable(
          "cannot prepare " + dir + " for sandboxes: " + e.getMessage());
    }
  }

  private static Sandbox sandbox(
      LocalSandboxConfig config, Path workspace, boolean unsafe, Consumer<String> progress)
      throws LaunchException {
    try {
      return LocalSandbox.create(config, workspace);
    } catch (SandboxUnavailableException e) {
      if (!unsafe) {
        throw LaunchException.unavailable(e.getMessage());
      }
      progress.accept("warning: " + e.getMessage());
      progress.accept(
          "warning: isolation is turned off for this run: the agent's code will run WITHOUT"
              + " isolation on this machine.");
      try {
        return new UnisolatedSandbox(config, workspace, null);
      } catch (SandboxUnavailableException again) {
        throw LaunchException.unavailable(again.getMessage());
      }
    }
  }

  Sandbox sandbox() {
    return sandbox;
  }

  TurnHooks hooks() {
    return new TurnHooks() {
      @Override
      public void beforeExecution(int turn, ExecutionControl control) {
        current = control;
        gateway.setCallContext(CallContext.of(runId, turn));
      }

      @Override
      public void afterExecution(int turn) {
        awaitCallsInFlight();
        gateway.setCallContext(null);
        current = null;
        publishing.awaitPostMergeChecks();
        emitDataEffects(turn);
      }

      @Override
      public String onDoneClaimed(int turn) {
        String refusal = publishing.onDoneClaimed(turn);
        emitDataEffects(turn);
        return refusal;
      }
    };
  }

  /** The code's processes are gone: let the calls they left (a withdrawn merge) end on record. */
  private void awaitCallsInFlight() {
    try {
      gateway.awaitIdle(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void emitDataEffects(int turn) {
    RunEvent.DataEffects turnEffects = effects.drain(turn, clock);
    if (turnEffects != null) {
      listener.onEvent(turnEffects);
    }
  }

  /** The sandbox, the gateway, the publish step; the shared lakehouse stays open. */
  @Override
  public void close() {
    Launcher.closeQuietly(sandbox, gateway, publishing);
    lakehouse.removeListener(lakehouseListener);
  }
}
