package dev.airlock.cli;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Budget;
import dev.airlock.agent.MergePolicy;
import dev.airlock.session.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that describe a run, shared by every command that starts one ({@code run}, the coming
 * {@code console}): same flags, same defaults, same messages. They become a {@link RunRequest}; a
 * problem with one is reported under its flag.
 */
final class RunOptions {

  @Option(
      names = "--model",
      paramLabel = "PROVIDER:NAME",
      defaultValue = "demo",
      description = {
        "openai:NAME, together:NAME, anthropic:NAME, openai-compatible:NAME (with --base-url),"
            + " or scripted:FILE (a JSON array of responses, for offline demos and tests).",
        "Default: ${DEFAULT-VALUE}, the packaged demo session (scripted; its code really runs: a"
            + " failing turn, then a load, an audit and a merge into main)."
      })
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "OpenAI-compatible endpoint (vLLM, Ollama, LM Studio, llama.cpp server) or a provider override.")
  String baseUrl;

  @Option(
      names = "--approve",
      paramLabel = "POLICY",
      defaultValue = "ask",
      description =
          "Who approves code before it runs: ask (you, at the terminal), risky (you, only for"
              + " risky code), auto-while-green (automatic while the checks on existing tables pass; the first"
              + " failure asks you), auto (everything). Default: ${DEFAULT-VALUE}.")
  String approve;

  @Option(
      names = "--merge",
      paramLabel = "POLICY",
      defaultValue = "ask",
      description =
          "Who decides merges into main: ask (you, seeing the diff, checks and provenance),"
              + " auto-if-green (approved only when every check passes), never (dry run: nothing reaches main)."
              + " Default: ${DEFAULT-VALUE}.")
  String merge;

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description = {
        "Expectations for the audit: a YAML or JSON file, or builtin:demo.",
        "Default: builtin:demo for the demo dataset, otherwise the generic checks only."
      })
  String expect;

  @Option(
      names = "--fork",
      paramLabel = "RUN_ID@TURN",
      description =
          "Start a new run from the first TURN turns of a recorded run, its branches at their data"
              + " state after that turn (renamed); nothing is re-executed and the old run is unchanged.")
  String fork;

  @Option(
      names = "--max-turns",
      paramLabel = "N",
      defaultValue = "8",
      description = "Turn cap. Default: ${DEFAULT-VALUE}.")
  int maxTurns;

  @Option(
      names = "--raw",
      paramLabel = "URI",
      description = {
        "The raw data location given to the task: an s3:// or file:// URI, or a path.",
        "Default: the generated demo dataset."
      })
  String raw;

  @Option(
      names = "--allow-source",
      paramLabel = "PREFIX",
      description =
          "Also let the agent's code import from this s3:// prefix, e.g. s3://bucket/folder/"
              + " (repeatable). The raw data's own S3 location is always allowed; any other remote location"
              + " is refused before a request leaves this machine.")
  List<String> allowSource = new ArrayList<>();

  @Option(
      names = "--task",
      paramLabel = "FILE",
      description =
          "A Markdown task prompt replacing the packaged Write-Audit-Publish task; it may use"
              + " {{raw_uri}}, {{branch}}, {{namespace}} and {{tables}}.")
  Path task;

  @Mixin RunsDirOption runs;

  @Mixin LakehouseHomeOption lakehouseHome;

  @Option(
      names = "--prompts",
      paramLabel = "DIR",
      description = {
        "A folder whose prompt files override the packaged ones.",
        "Default: ~/.config/airlock/prompts."
      })
  Path prompts;

  @Option(
      names = "--exec-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Wall-clock limit per execution; the whole process tree is killed. Default: ${DEFAULT-VALUE}.")
  long execTimeout;

  @Option(
      names = "--output-budget",
      paramLabel = "CHARS",
      defaultValue = "8000",
      description =
          "Characters of stdout and of stderr the model sees per turn (cut in the middle). Default: ${DEFAULT-VALUE}.")
  int outputBudget;

  @Option(
      names = "--pass-env",
      paramLabel = "NAME",
      description =
          "Pass this environment variable into the sandbox (repeatable). Nothing else is passed.")
  List<String> passEnv = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = {
        "Policy rules (YAML) that decide code and merges before the approval and merge policies"
            + " do; each decision names its rule.",
        "Default: .airlock/policy.yaml in the working folder, when present."
      })
  Path policy;

  @Option(
      names = "--price",
      paramLabel = "IN/OUT",
      description = "USD per million input and output tokens, to report cost.")
  String price;

  @Option(
      names = "--budget-tokens",
      paramLabel = "N",
      description =
          "Before each model call, once the run has used N tokens (input and output together),"
              + " pause and ask to extend or stop; unattended (--approve auto) the run stops with"
              + " status budget and exit code 1.")
  Long budgetTokens;

  @Option(
      names = "--budget-usd",
      paramLabel = "X",
      description = "The same, once the run has cost X US dollars (needs --price).")
  Double budgetUsd;

  @Option(
      names = "--budget-minutes",
      paramLabel = "M",
      description = "The same, once M minutes have passed since the run started.")
  Double budgetMinutes;

  @Option(
      names = "--python",
      paramLabel = "PATH",
      description =
          "Run the code with this Python interpreter or virtual environment (e.g. one with pyarrow"
              + " and pandas), bound read-only into the sandbox. Default: /usr/bin/python3.")
  Path python;

  @Option(
      names = "--unsafe-no-isolation",
      description =
          "Run the code WITHOUT bubblewrap isolation when bubblewrap is unavailable. Said on every turn.")
  boolean unsafeNoIsolation;

  /** The request these options describe; each option's problem is reported under its flag. */
  RunRequest request() {
    RunRequest.Builder b =
        RunRequest.builder(model)
            .baseUrl(baseUrl)
            .price(price)
            .approval(policy(RunRequest.Field.APPROVAL, () -> ApprovalPolicy.of(approve)))
            .merge(policy(RunRequest.Field.MERGE, () -> MergePolicy.parse(merge)))
            .fork(fork)
            .maxTurns(maxTurns)
            .raw(raw)
            .task(task)
            .expect(expect)
            .runsDir(runs.runsDir)
            .lakehouseHome(lakehouseHome.home)
            .prompts(prompts)
            .execTimeout(Duration.ofSeconds(execTimeout))
            .outputBudget(outputBudget)
            .python(python)
            .unsafeNoIsolation(unsafeNoIsolation)
            .budget(budget())
            .policy(policy);
    allowSource.forEach(b::allowSource);
    passEnv.forEach(b::passEnv);
    return b.build();
  }

  /** The budget flags as one budget; a bad figure is reported under its own flag. */
  private Budget budget() {
    Duration time =
        budgetMinutes == null || budgetMinutes.isNaN() || budgetMinutes.isInfinite()
            ? null
            : Duration.ofMillis(Math.round(budgetMinutes * 60_000));
    if (budgetMinutes != null && (time == null || time.toSeconds() < 1)) {
      throw new RunRequest.Invalid(
          RunRequest.Field.BUDGET,
          "--budget-minutes: the time budget must be a positive number of minutes such as 30 or"
              + " 0.5, not "
              + budgetMinutes);
    }
    checked("--budget-tokens", () -> new Budget(budgetTokens, null, null));
    checked("--budget-usd", () -> new Budget(null, budgetUsd, null));
    return new Budget(budgetTokens, budgetUsd, time);
  }

  private static void checked(String flag, Supplier<Budget> part) {
    try {
      part.get();
    } catch (IllegalArgumentException e) {
      throw new RunRequest.Invalid(RunRequest.Field.BUDGET, flag + ": " + e.getMessage());
    }
  }

  private static <T> T policy(RunRequest.Field field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new RunRequest.Invalid(field, e.getMessage());
    }
  }

  static int refused(RunRequest.Field field, String message, int exitCode) {
    return refused("run", field, message, exitCode);
  }

  /** Prints why {@code airlock COMMAND} refused the request, naming the flag at fault. */
  static int refused(String command, RunRequest.Field field, String message, int exitCode) {
    String flag = field == null ? null : FLAGS.get(field);
    // A message that names its own flag (one of the budget flags) keeps it.
    String text = flag == null || message.startsWith("--") ? message : flag + ": " + message;
    System.err.println("airlock " + command + ": " + CommandName.render(text));
    return exitCode;
  }

  /** Which flag sets each part of a request. */
  private static final Map<RunRequest.Field, String> FLAGS = flags();

  private static Map<RunRequest.Field, String> flags() {
    Map<RunRequest.Field, String> f = new EnumMap<>(RunRequest.Field.class);
    for (RunRequest.Field field : RunRequest.Field.values()) {
      f.put(field, "--" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    f.put(RunRequest.Field.APPROVAL, "--approve");
    f.put(RunRequest.Field.PROMPTS, "--prompts");
    f.put(RunRequest.Field.BUDGET, "--budget-usd");
    return f;
  }
}
