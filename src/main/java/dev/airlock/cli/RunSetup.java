package dev.airlock.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.AgentRun;
import dev.airlock.agent.Audit;
import dev.airlock.agent.AutoApprove;
import dev.airlock.agent.AutoWhileGreen;
import dev.airlock.agent.Conversation;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PromptBuilder;
import dev.airlock.agent.Prompts;
import dev.airlock.agent.RiskyOnly;
import dev.airlock.agent.RunConfig;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunJournal;
import dev.airlock.agent.RunListener;
import dev.airlock.agent.RunMergeGate;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.Supervisor;
import dev.airlock.agent.Task;
import dev.airlock.agent.TranscriptRecorder;
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
import dev.airlock.source.S3Prefix;
import dev.airlock.transcript.Json;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsException;
import dev.airlock.verify.ExpectationsLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root of {@code airlock run}: turns options into a model, a sandbox, a supervisor,
 * a transcript and a printer, runs the agent, and reports. Everything here is wiring; behaviour
 * lives in the engine.
 */
final class RunSetup {
  private final RunCommand o;
  private final PrintStream log;
  private final Clock clock = Clock.systemUTC();

  RunSetup(RunCommand options) {
    this.o = options;
    this.log = SafeTerminal.wrap(options.json ? System.err : System.out);
  }

  /** A configuration or infrastructure problem found before the run starts. */
  static final class SetupException extends Exception {
    private final int exitCode;

    SetupException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  int execute() throws SetupException {
    validate();
    ChosenPython python = chosenPython();
    AirlockPaths paths = AirlockPaths.standard();
    Path cwd = Path.of("").toAbsolutePath();
    Path runs = o.runsDir != null ? o.runsDir : paths.runs();
    ForkSource fork = o.fork == null ? null : ForkSource.read(o.fork, runs);
    ModelClient model = model(cwd);
    String runId = RunIds.next(clock);
    String user = RunIds.username();
    String branch = user + ".airlock_" + runId.replace('-', '_');
    RunConfig config = o.config(runId).withSandboxEnvironment(passedEnvironment());
    String raw =
        o.raw != null
            ? o.raw
            : fork != null ? fork.plan().source().rawUri() : DemoDefaults.rawUri(paths, log);
    List<S3Prefix> allowedSources = AllowedSources.of(raw, o.allowSource);
    Expectations expectations = expectations(raw, paths);
    Prompts prompts = new Prompts(o.prompts != null ? o.prompts : paths.prompts());
    Task task =
        new Task(
            taskTemplate(prompts),
            RunBackends.rawUriForAgent(raw),
            branch,
            null,
            RawListing.files(raw));
    model = forTask(model, task);
    Supervisor human = terminal(user);
    RunJournal journal = new RunJournal();
    try (TranscriptRecorder recorder =
        new TranscriptRecorder(
            TranscriptWriter.create(
                runs.resolve(runId + ".jsonl"), redactor(cwd).with(config.sandboxEnvironment())))) {
      RunListener listeners =
          fanOut(
              journal,
              recorder,
              new CliPrinter(log, System.console() != null && !o.json, !o.approve.equals("ask")));
      // The checks read the lakehouse, which is opened with the gate: the gate's audit reaches
      // them once the backends are open, and refuses (fails closed) before.
      AtomicReference<Audit> checks =
          new AtomicReference<>(Audit.unavailable("the run's lakehouse is not open yet"));
      Audit audit = ref -> checks.get().verify(ref);
      RunMergeGate gate =
          new RunMergeGate(MergePolicy.parse(o.merge), human, journal, audit, listeners, clock);
      Supervisor supervisor = supervisor(human, journal, audit);
      CountDownLatch closed = new CountDownLatch(1);
      try {
        try (RunBackends backends =
            RunBackends.open(
                new RunBackends.Spec(
                    paths,
                    o.home,
                    runId,
                    user,
                    raw,
                    allowedSources,
                    o.unsafeNoIsolation,
                    python,
                    gate,
                    journal,
                    expectations,
                    listeners,
                    clock,
                    log))) {
          checks.set(backends.audit());
          Map<String, String> renamed = new LinkedHashMap<>();
          Conversation conversation =
              fork == null
                  ? Conversation.opening(opening(prompts, task))
                  : fork.start(backends.lakehouse(), runId, renamed);
          Sandbox sandbox = backends.sandbox();
          AgentRun run =
              new AgentRun(
                  config,
                  conversation,
                  branch,
                  model,
                  sandbox,
                  supervisor,
                  backends.hooks(),
                  listeners,
                  clock);
          gate.onEndRun(run::stop);
          RunEvent.RunStarted started =
              new RunEvent.RunStarted(
                  0,
                  clock.instant(),
                  RunEvent.FORMAT,
                  runId,
                  model.id(),
                  sandbox.describe(),
                  sandbox.isolated(),
                  o.approve,
                  o.maxTurns,
                  raw,
                  branch,
                  fork == null ? null : o.fork,
                  settings(prompts, renamed, allowedSources));
          RunOutcome outcome = runWithInterrupt(run, started, closed);
          report(outcome, runs.resolve(runId + ".jsonl"), runId);
          return RunCommand.exitCode(outcome);
        }
      } finally {
        closed.countDown();
      }
    }
  }

  private Expectations expectations(String raw, AirlockPaths paths) throws SetupException {
    try {
      if (o.expect != null) {
        return ExpectationsLoader.load(o.expect);
      }
      Path local = RunBackends.localPath(raw);
      return local != null && local.normalize().equals(paths.demoData().normalize())
          ? ExpectationsLoader.demo()
          : Expectations.none();
    } catch (ExpectationsException e) {
      throw new SetupException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private void validate() throws SetupException {
    if (!List.of("ask", "risky", "auto-while-green", "auto").contains(o.approve)) {
      throw new SetupException(
          ExitCodes.USAGE,
          "--approve must be ask, risky, auto-while-green or auto, not '" + o.approve + "'");
    }
    try {
      MergePolicy.parse(o.merge);
    } catch (IllegalArgumentException e) {
      throw new SetupException(ExitCodes.USAGE, e.getMessage());
    }
    if (o.maxTurns < 1) {
      throw new SetupException(
          ExitCodes.USAGE, "--max-turns must be at least 1, not " + o.maxTurns);
    }
    if (o.execTimeout < 1) {
      throw new SetupException(
          ExitCodes.USAGE, "--exec-timeout must be at least 1 second, not " + o.execTimeout);
    }
    if (o.outputBudget < 200) {
      throw new SetupException(ExitCodes.USAGE, "--output-budget must be at least 200 characters");
    }
    Path localRaw = o.raw == null ? null : RunBackends.localPath(o.raw);
    if (localRaw != null && !Files.exists(localRaw)) {
      throw new SetupException(
          ExitCodes.USAGE,
          "--raw "
              + o.raw
              + ": no such file or folder ("
              + localRaw
              + "); give a folder of data files, a file, or an s3:// location");
    }
    AllowedSources.of(o.raw, o.allowSource);
    if (o.task != null && !Files.isRegularFile(o.task)) {
      throw new SetupException(ExitCodes.USAGE, "--task " + o.task + " is not a readable file");
    }
  }

  /** The interpreter --python names, checked before anything else starts; null for the default. */
  private ChosenPython chosenPython() throws SetupException {
    if (o.python == null) {
      return null;
    }
    try {
      return ChosenPython.inspect(o.python);
    } catch (ChosenPython.UnusableException e) {
      throw new SetupException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private ModelClient model(Path cwd) throws SetupException {
    try {
      ModelOptions options = ModelOptions.DEFAULT;
      if (o.price != null) {
        options = options.withPricing(Pricing.parse(o.price));
      }
      return new ChatModels(Secrets.load(cwd)).create(ModelSpec.parse(o.model, o.baseUrl), options);
    } catch (ModelException e) {
      throw new SetupException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** A scripted model names the task's branch as a model would: the one this run announces. */
  private static ModelClient forTask(ModelClient model, Task task) {
    return model instanceof ScriptedModel script
        ? script.withVariables(PromptBuilder.variables(task))
        : model;
  }

  private Map<String, String> passedEnvironment() throws SetupException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : o.passEnv) {
      String value = System.getenv(name);
      if (value == null) {
        throw new SetupException(
            ExitCodes.USAGE, "--pass-env " + name + ": no such variable in the environment");
      }
      env.put(name, value);
    }
    return env;
  }

  private String taskTemplate(Prompts prompts) throws SetupException {
    if (o.task == null) {
      return prompts.load(Prompts.TASK);
    }
    try {
      return Files.readString(o.task, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SetupException(
          ExitCodes.USAGE, "cannot read --task " + o.task + ": " + e.getMessage());
    }
  }

  private static List<dev.airlock.model.ChatMessage> opening(Prompts prompts, Task task)
      throws SetupException {
    try {
      return new PromptBuilder(prompts).opening(task);
    } catch (IllegalArgumentException e) {
      throw new SetupException(ExitCodes.USAGE, e.getMessage());
    }
  }

  private Redactor redactor(Path cwd) {
    Map<String, String> all = new HashMap<>(System.getenv());
    try {
      all.putAll(DotEnv.load(cwd.resolve(".env")));
    } catch (ModelException e) {
      // The model setup already reported an unreadable .env; nothing more to redact from it.
    }
    return Redactor.fromVariables(all);
  }

  private TerminalSupervisor terminal(String user) {
    return new TerminalSupervisor(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        log,
        TerminalSupervisor.editorFromEnvironment(),
        "human:" + user);
  }

  private Supervisor supervisor(Supervisor human, RunJournal journal, Audit audit) {
    return switch (o.approve) {
      case "auto" -> new AutoApprove();
      case "risky" -> new RiskyOnly(human);
      case "auto-while-green" -> new AutoWhileGreen(human, journal, audit);
      default -> human;
    };
  }

  private Map<String, String> settings(
      Prompts prompts, Map<String, String> forkBranches, List<S3Prefix> allowedSources) {
    Map<String, String> s = new LinkedHashMap<>();
    forkBranches.forEach((old, fresh) -> s.put("fork_branch:" + old, fresh));
    s.put("merge", o.merge);
    if (o.expect != null) {
      s.put("expect", o.expect);
    }
    s.put("exec_timeout_s", String.valueOf(o.execTimeout));
    s.put("output_budget", String.valueOf(o.outputBudget));
    s.put("system_prompt", prompts.origin(Prompts.SYSTEM));
    s.put("task", o.task != null ? o.task.toString() : prompts.origin(Prompts.TASK));
    if (!o.passEnv.isEmpty()) {
      s.put("pass_env", String.join(",", o.passEnv));
    }
    s.put("allowed_sources", AllowedSources.describe(allowedSources));
    return s;
  }

  /**
   * Runs with Ctrl-C (or SIGTERM) turned into a stop: the hook stops the run and holds the JVM
   * until the run has ended on record and its backends are closed ({@code closed}).
   */
  private RunOutcome runWithInterrupt(
      AgentRun run, RunEvent.RunStarted started, CountDownLatch closed) {
    Thread hook =
        new Thread(
            () -> {
              run.stop("interrupted (Ctrl-C or a termination signal)");
              try {
                closed.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "airlock-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run.run(started);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting because of Ctrl-C; the hook is already running.
      }
    }
  }

  private void report(RunOutcome outcome, Path transcript, String runId) {
    if (!o.json) {
      log.println("transcript: " + transcript + "  (" + CommandName.of("replay " + runId) + ")");
      return;
    }
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("run_id", runId);
    json.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
    json.put("reason", outcome.reason());
    json.put("turns", outcome.turns());
    json.put("transcript", transcript.toString());
    ObjectNode usage = json.putObject("usage");
    usage.put("input_tokens", outcome.usage().inputTokens());
    usage.put("output_tokens", outcome.usage().outputTokens());
    if (outcome.costUsd() != null) {
      usage.put("cost_usd", outcome.costUsd());
    }
    if (outcome.branch() != null) {
      json.put("branch", outcome.branch());
    }
    if (outcome.summary() != null) {
      json.put("summary", outcome.summary());
    }
    System.out.println(json.toString());
  }

  private static RunListener fanOut(RunListener... listeners) {
    return event -> {
      for (RunListener l : listeners) {
        l.onEvent(event);
      }
    };
  }
}
