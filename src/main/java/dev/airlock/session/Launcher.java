package dev.airlock.session;

import dev.airlock.agent.AgentRun;
import dev.airlock.agent.Audit;
import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.Conversation;
import dev.airlock.agent.HumanSeat;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.PolicyRulesException;
import dev.airlock.agent.PolicyRulesReader;
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
import dev.airlock.model.ChatModels;
import dev.airlock.model.DotEnv;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ModelException;
import dev.airlock.model.ModelOptions;
import dev.airlock.model.ModelSpec;
import dev.airlock.model.Pricing;
import dev.airlock.model.ScriptedModel;
import dev.airlock.model.Secrets;
import dev.airlock.sandbox.ChosenPython;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.session.RunRequest.Field;
import dev.airlock.source.S3Prefix;
import dev.airlock.transcript.Redactor;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsException;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root of a run, for every face: turns a {@link RunRequest} into a model, a
 * sandbox, the shared lakehouse with its gateway, the run's gates and journal, the transcript, the
 * fork's branches and the demo defaults, and hands back a {@link RunSession} ready to start.
 * Whichever face asks, the run is assembled here alone, so it behaves and is recorded the same.
 */
public final class Launcher {
  private final AirlockPaths paths;
  private final Map<String, String> environment;
  private final Path workingDir;
  private final String user;
  private final Clock clock;

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
    checkFiles(request);
    ChosenPython python = chosenPython(request);
    PolicyRules rules = policyRules(request);
    Path runs = request.runsDir() != null ? request.runsDir() : paths.runs();
    ForkSource fork = request.fork() == null ? null : ForkSource.read(request.fork(), runs);
    ModelClient model = model(request);
    Map<String, String> passed = passedEnvironment(request);
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
    Expectations expectations = expectations(request, raw);
    Prompts prompts = new Prompts(request.prompts() != null ? request.prompts() : paths.prompts());
    Task task =
        new Task(
            taskTemplate(request, prompts),
            RawData.rawUriForAgent(raw),
            branch,
            null,
            RawData.files(raw));
    if (model instanceof ScriptedModel script) {
      // A scripted model names the task's branch as a model would: the one this run announces.
      model = script.withVariables(PromptBuilder.variables(task));
    }
    List<ChatMessage> opening = fork == null ? opening(prompts, task) : null;

    RunJournal journal = new RunJournal();
    TranscriptSink transcript =
        new TranscriptSink(runs.resolve(runId + ".jsonl"), redactor().with(passed));
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
      Map<String, String> settings = settings(request, prompts, renamed, allowedSources);
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

  /**
   * The rules file the request names, else the working folder's {@code .airlock/policy.yaml} when
   * there is one, read and checked before anything starts; {@link PolicyRules#NONE} without either.
   */
  private PolicyRules policyRules(RunRequest request) throws LaunchException {
    Path file = request.policy();
    if (file == null) {
      Path project = workingDir.resolve(PROJECT_POLICY);
      if (!Files.isRegularFile(project)) {
        return PolicyRules.NONE;
      }
      file = project;
    }
    try {
      return PolicyRulesReader.read(file);
    } catch (PolicyRulesException e) {
      throw LaunchException.of(Field.POLICY, e.getMessage());
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

  private void checkFiles(RunRequest request) throws LaunchException {
    Path localRaw = request.raw() == null ? null : RawData.localPath(request.raw());
    if (localRaw != null && !Files.exists(localRaw)) {
      throw LaunchException.of(
          Field.RAW,
          request.raw()
              + ": no such file or folder ("
              + localRaw
              + "); give a folder of data files, a file, or an s3:// location");
    }
    AllowedSources.of(request.raw(), request.allowSources());
    if (request.task() != null && !Files.isRegularFile(request.task())) {
      throw LaunchException.of(Field.TASK, request.task() + " is not a readable file");
    }
  }

  /**
   * The interpreter the request names, checked before anything else starts; null for the default.
   */
  private static ChosenPython chosenPython(RunRequest request) throws LaunchException {
    if (request.python() == null) {
      return null;
    }
    try {
      return ChosenPython.inspect(request.python());
    } catch (ChosenPython.UnusableException e) {
      throw LaunchException.of(Field.PYTHON, e.getMessage());
    }
  }

  private ModelClient model(RunRequest request) throws LaunchException {
    try {
      ModelOptions options = ModelOptions.DEFAULT;
      if (request.price() != null) {
        options = options.withPricing(Pricing.parse(request.price()));
      }
      return new ChatModels(Secrets.load(workingDir))
          .create(ModelSpec.parse(request.model(), request.baseUrl()), options);
    } catch (ModelException e) {
      throw LaunchException.of(Field.MODEL, e.getMessage());
    }
  }

  private Map<String, String> passedEnvironment(RunRequest request) throws LaunchException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : request.passEnv()) {
      String value = environment.get(name);
      if (value == null) {
        throw LaunchException.of(Field.PASS_ENV, name + ": no such variable in the environment");
      }
      env.put(name, value);
    }
    return env;
  }

  private Expectations expectations(RunRequest request, String raw) throws LaunchException {
    try {
      if (request.expect() != null) {
        return ExpectationsLoader.load(request.expect());
      }
      Path local = RawData.localPath(raw);
      return local != null && local.normalize().equals(paths.demoData().normalize())
          ? ExpectationsLoader.demo()
          : Expectations.none();
    } catch (ExpectationsException e) {
      throw LaunchException.of(Field.EXPECT, e.getMessage());
    }
  }

  private static String taskTemplate(RunRequest request, Prompts prompts) throws LaunchException {
    if (request.task() == null) {
      return prompts.load(Prompts.TASK);
    }
    try {
      return Files.readString(request.task(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LaunchException.of(Field.TASK, "cannot read " + request.task() + ": " + e.getMessage());
    }
  }

  private static List<ChatMessage> opening(Prompts prompts, Task task) throws LaunchException {
    try {
      return new PromptBuilder(prompts).opening(task);
    } catch (IllegalArgumentException e) {
      throw LaunchException.of(Field.PROMPTS, e.getMessage());
    }
  }

  private Redactor redactor() {
    Map<String, String> all = new HashMap<>(environment);
    try {
      all.putAll(DotEnv.load(workingDir.resolve(".env")));
    } catch (ModelException e) {
      // The model setup already reported an unreadable .env; nothing more to redact from it.
    }
    return Redactor.fromVariables(all);
  }

  /** The run's settings as its transcript records them (part of the transcript format). */
  private static Map<String, String> settings(
      RunRequest request,
      Prompts prompts,
      Map<String, String> forkBranches,
      List<S3Prefix> allowedSources) {
    Map<String, String> s = new LinkedHashMap<>();
    forkBranches.forEach((old, fresh) -> s.put("fork_branch:" + old, fresh));
    s.put("merge", request.merge().word());
    if (request.expect() != null) {
      s.put("expect", request.expect());
    }
    s.put("exec_timeout_s", String.valueOf(request.execTimeout().toSeconds()));
    s.put("output_budget", String.valueOf(request.outputBudget()));
    s.put("system_prompt", prompts.origin(Prompts.SYSTEM));
    s.put(
        "task", request.task() != null ? request.task().toString() : prompts.origin(Prompts.TASK));
    if (!request.passEnv().isEmpty()) {
      s.put("pass_env", String.join(",", request.passEnv()));
    }
    s.put("allowed_sources", AllowedSources.describe(allowedSources));
    if (request.budget().limited()) {
      s.put("budget", BudgetFigures.of(request.budget()).describeLimits());
    }
    return s;
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
