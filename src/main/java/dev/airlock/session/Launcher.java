package dev.airlock.session;

import dev.airlock.agent.AgentRun;
import dev.airlock.agent.Audit;
import dev.airlock.agent.Conversation;
import dev.airlock.agent.HumanSeat;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.PromptBuilder;
import dev.airlock.agent.Prompts;
import dev.airlock.agent.RunConfig;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunJournal;
import dev.airlock.agent.RunMergeGate;
import dev.airlock.agent.SwitchableSupervisor;
import dev.airlock.agent.TablePreviews;
import dev.airlock.agent.Task;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ScriptedModel;
import dev.airlock.sandbox.ChosenPython;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.source.S3Prefix;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root of a run, for every face: turns a {@link RunRequest} into a model, a
 * sandbox, the shared lakehouse with its gateway, the run's gates and journal, the transcript, the
 * fork's branches and the demo defaults, and hands back a {@link RunSession} ready to start.
 * Whichever face asks, the run is assembled here alone, so it behaves and is recorded the same.
 * {@link RunRequestResolver} reads and checks the request's options first.
 */
public final class Launcher {
  private final AirlockPaths paths;
  private final Map<String, String> environment;
  private final Path workingDir;
  private final String user;
  private final Clock clock;
  private final RunRequestResolver resolve;

  /** The project's rules file, in the working folder, used when a request names none. */
  public static final String PROJECT_POLICY = ".airlock/policy.yaml";

  /**
   * @param environment where {@code pass-env} values and secrets to redact come from
   * @param workingDir where {@code .env} is looked for
   * @param user the person at the seat, a branch-name-safe word ("alice")
   */
  public Launcher(
      AirlockPaths paths,
      Map<String, String> environment,
      Path workingDir,
      String user,
      Clock clock) {
    this.paths = paths;
    this.environment = Map.copyOf(environment);
    this.workingDir = workingDir.toAbsolutePath();
    this.user = user;
    this.clock = clock;
    this.resolve = new RunRequestResolver(paths, this.environment, this.workingDir);
  }

  /** The app's folders, this process's environment and working folder, the local user. */
  public static Launcher standard() {
    return new Launcher(
        AirlockPaths.standard(),
        System.getenv(),
        Path.of(""),
        RunIds.username(),
        Clock.systemUTC());
  }

  public AirlockPaths paths() {
    return paths;
  }

  /** The person at the seat, as decisions record them after "human:". */
  public String user() {
    return user;
  }

  /**
   * Assembles the run {@code request} describes. Nothing runs yet: subscribe to the session, then
   * start it. {@code progress} hears what takes a while before then (generating the demo data, a
   * fallback to no isolation).
   */
  public RunSession open(RunRequest request, Consumer<String> progress) throws LaunchException {
    resolve.checkFiles(request);
    ChosenPython python = RunRequestResolver.chosenPython(request);
    PolicyRules rules = resolve.policyRules(request);
    Path runs = request.runsDir() != null ? request.runsDir() : paths.runs();
    ForkSource fork = request.fork() == null ? null : ForkSource.read(request.fork(), runs);
    ModelClient model = resolve.model(request);
    Map<String, String> passed = resolve.passedEnvironment(request);
    String runId = RunIds.next(clock);
    String ownBranch = fork == null ? null : fork.ownBranch(runId);
    // A fork goes on with the source run's branch (recreated under a new name), not a fresh one.
    String branch = ownBranch != null ? ownBranch : user + ".airlock_" + runId.replace('-', '_');
    RunConfig config =
        new RunConfig(
            runId,
            request.maxTurns(),
            2,
            request.execTimeout(),
            request.outputBudget(),
            passed,
            request.budget());
    String raw =
        request.raw() != null
            ? request.raw()
            : fork != null ? fork.plan().source().rawUri() : DemoData.rawUri(paths, progress);
    List<S3Prefix> allowedSources = AllowedSources.of(raw, request.allowSources());
    Expectations expectations = resolve.expectations(request, raw);
    Prompts prompts = new Prompts(request.prompts() != null ? request.prompts() : paths.prompts());
    Task task =
        new Task(
            RunRequestResolver.taskTemplate(request, prompts),
            RawData.rawUriForAgent(raw),
            branch,
            null,
            RawData.files(raw));
    if (model instanceof ScriptedModel script) {
      // A scripted model names the task's branch as a model would: the one this run announces.
      model = script.withVariables(PromptBuilder.variables(task));
    }
    List<ChatMessage> opening = fork == null ? RunRequestResolver.opening(prompts, task) : null;

    RunJournal journal = new RunJournal();
    TranscriptSink transcript =
        new TranscriptSink(runs.resolve(runId + ".jsonl"), resolve.redactor().with(passed));
    RunSession.Parts parts = new RunSession.Parts(runId, branch, transcript, clock);
    EventStream stream = parts.openStream(List.of(journal, transcript));
    Lakehouses.Lease lease = null;
    RoutingGate.Route route = null;
    RunBackends backends = null;
    try {
      Path home = request.lakehouseHome() != null ? request.lakehouseHome() : paths.lakehouse();
      lease = openLakehouse(home);
      Verifier verifier = new Verifier(lease.lakehouse(), new SourceRowCounter(lease.rawSources()));
      Audit audit = Audit.of(verifier, expectations);
      HumanSeat seat = new HumanSeat("human:" + user, stream, clock);
      RunMergeGate gate =
          new RunMergeGate(
              request.merge(),
              seat,
              journal,
              audit,
              new TablePreviews(lease.lakehouse()),
              stream,
              clock);
      route = lease.gate().forRun(runId, gate);
      backends =
          RunBackends.open(
              new RunBackends.Spec(
                  paths,
                  lease,
                  runId,
                  user,
                  raw,
                  allowedSources,
                  request.unsafeNoIsolation(),
                  python,
                  request.merge(),
                  verifier,
                  expectations,
                  journal,
                  stream,
                  clock,
                  progress));
      Map<String, String> renamed = new LinkedHashMap<>();
      Conversation conversation =
          fork == null
              ? Conversation.opening(opening)
              : fork.start(lease.lakehouse(), runId, renamed);
      Sandbox sandbox = backends.sandbox();
      SwitchableSupervisor supervisor =
          new SwitchableSupervisor(
              request.approval(), seat, journal, audit, rules, stream, clock, conversation::turns);
      gate.useRules(supervisor.mergeRules(seat));
      AgentRun run =
          new AgentRun(
              config,
              conversation,
              branch,
              model,
              sandbox,
              supervisor,
              backends.hooks(),
              stream,
              clock);
      gate.onEndRun(run::stop);
      Map<String, String> settings =
          RunRequestResolver.settings(request, prompts, renamed, allowedSources);
      if (rules.source() != null) {
        settings.put(PolicyRules.SETTING, rules.describe());
      }
      RunEvent.RunStarted started =
          new RunEvent.RunStarted(
              0,
              clock.instant(),
              RunEvent.FORMAT,
              runId,
              model.id(),
              sandbox.describe(),
              sandbox.isolated(),
              request.approval().word(),
              request.maxTurns(),
              raw,
              branch,
              fork == null ? null : request.fork(),
              settings);
      return parts.session(run, started, seat, supervisor, List.of(backends, route, lease));
    } catch (LaunchException | RuntimeException e) {
      closeQuietly(backends, route, lease);
      stream.close(1);
      transcript.close();
      if (e instanceof LaunchException launch) {
        throw launch;
      }
      // Whatever else failed while assembling the run (nothing ran yet), say it as such.
      throw LaunchException.unavailable("the run could not be assembled: " + e);
    }
  }

  private static Lakehouses.Lease openLakehouse(Path home) throws LaunchException {
    try {
      return Lakehouses.open(home);
    } catch (RuntimeException e) {
      throw LaunchException.unavailable(
          "cannot open the lakehouse at " + home + ": " + e.getMessage());
    }
  }

  static void closeQuietly(AutoCloseable... all) {
    List<AutoCloseable> list = new ArrayList<>();
    for (AutoCloseable c : all) {
      if (c != null) {
        list.add(c);
      }
    }
    for (AutoCloseable c : list) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing is best effort; the run's outcome is already recorded.
      }
    }
  }
}
