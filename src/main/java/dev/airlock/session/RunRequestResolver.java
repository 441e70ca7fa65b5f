package dev.airlock.session;

import dev.airlock.agent.BudgetFigures;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.PolicyRulesException;
import dev.airlock.agent.PolicyRulesReader;
import dev.airlock.agent.PromptBuilder;
import dev.airlock.agent.Prompts;
import dev.airlock.agent.Task;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.ChatModels;
import dev.airlock.model.DotEnv;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ModelException;
import dev.airlock.model.ModelOptions;
import dev.airlock.model.ModelSpec;
import dev.airlock.model.Pricing;
import dev.airlock.model.Secrets;
import dev.airlock.sandbox.ChosenPython;
import dev.airlock.session.RunRequest.Field;
import dev.airlock.source.S3Prefix;
import dev.airlock.transcript.Redactor;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsException;
import dev.airlock.verify.ExpectationsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link RunRequest} names, read and checked before anything of the run starts: the files,
 * the interpreter, the rules, the model, the passed environment, the expectations, the task and its
 * opening, and the settings the transcript records. Each bad option fails as a {@link
 * LaunchException} naming its field.
 */
final class RunRequestResolver {
  private final AirlockPaths paths;
  private final Map<String, String> environment;
  private final Path workingDir;

  /**
   * @param environment where {@code pass-env} values and secrets to redact come from
   * @param workingDir where {@code .env} and the project's rules file are looked for
   */
  RunRequestResolver(AirlockPaths paths, Map<String, String> environment, Path workingDir) {
    this.paths = paths;
    this.environment = environment;
    this.workingDir = workingDir;
  }

  /**
   * The rules file the request names, else the working folder's {@code .airlock/policy.yaml} when
   * there is one, read and checked before anything starts; {@link PolicyRules#NONE} without either.
   */
  PolicyRules policyRules(RunRequest request) throws LaunchException {
    Path file = request.policy();
    if (file == null) {
      Path project = workingDir.resolve(Launcher.PROJECT_POLICY);
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

  void checkFiles(RunRequest request) throws LaunchException {
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
  static ChosenPython chosenPython(RunRequest request) throws LaunchException {
    if (request.python() == null) {
      return null;
    }
    try {
      return ChosenPython.inspect(request.python());
    } catch (ChosenPython.UnusableException e) {
      throw LaunchException.of(Field.PYTHON, e.getMessage());
    }
  }

  ModelClient model(RunRequest request) throws LaunchException {
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

  Map<String, String> passedEnvironment(RunRequest request) throws LaunchException {
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

  Expectations expectations(RunRequest request, String raw) throws LaunchException {
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

  static String taskTemplate(RunRequest request, Prompts prompts) throws LaunchException {
    if (request.task() == null) {
      return prompts.load(Prompts.TASK);
    }
    try {
      return Files.readString(request.task(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LaunchException.of(Field.TASK, "cannot read " + request.task() + ": " + e.getMessage());
    }
  }

  static List<ChatMessage> opening(Prompts prompts, Task task) throws LaunchException {
    try {
      return new PromptBuilder(prompts).opening(task);
    } catch (IllegalArgumentException e) {
      throw LaunchException.of(Field.PROMPTS, e.getMessage());
    }
  }

  Redactor redactor() {
    Map<String, String> all = new HashMap<>(environment);
    try {
      all.putAll(DotEnv.load(workingDir.resolve(".env")));
    } catch (ModelException e) {
      // The model setup already reported an unreadable .env; nothing more to redact from it.
    }
    return Redactor.fromVariables(all);
  }

  /** The run's settings as its transcript records them (part of the transcript format). */
  static Map<String, String> settings(
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
}
