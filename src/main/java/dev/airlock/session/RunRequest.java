package dev.airlock.session;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Budget;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that describes a run to start, checked when built: a face (the command line, the
 * console's New Run dialog, a test) fills one in and hands it to {@link Launcher#open}. Nulls mean
 * "the default": the generated demo data for {@code raw}, the packaged task, the app's folders. A
 * value that cannot work is refused with {@link Invalid}, which names the {@link Field} so each
 * face can point at its own control for it (the command line names its flag).
 *
 * @param model "provider:name" or "scripted:FILE"
 * @param baseUrl an OpenAI-compatible server's address, or a provider override
 * @param price "IN/OUT" US dollars per million input and output tokens, to report cost
 * @param fork "RUN_ID@TURN": start from a recorded run's first TURN turns
 * @param raw the raw data: an s3:// or file:// URI or a path
 * @param allowSources extra s3:// prefixes the code may import from
 * @param task a Markdown task replacing the packaged one
 * @param expect expectations for the audit: a YAML or JSON file, or builtin:demo
 * @param passEnv names of environment variables passed into the sandbox
 * @param python an interpreter or virtual environment for the code
 * @param unsafeNoIsolation run without bubblewrap when it is unavailable (said on every turn)
 * @param budget what the run may spend before it pauses and asks ({@link Budget#NONE}: no limit)
 * @param policy a rules file ({@code .airlock/policy.yaml} style) deciding turns before the
 *     approval policy does, or null
 */
public record RunRequest(
    String model,
    String baseUrl,
    String price,
    ApprovalPolicy approval,
    MergePolicy merge,
    String fork,
    int maxTurns,
    String raw,
    List<String> allowSources,
    Path task,
    String expect,
    Path runsDir,
    Path lakehouseHome,
    Path prompts,
    Duration execTimeout,
    int outputBudget,
    List<String> passEnv,
    Path python,
    boolean unsafeNoIsolation,
    Budget budget,
    Path policy) {

  /** The fewest characters of each output stream the model may be shown. */
  public static final int MIN_OUTPUT_BUDGET = 200;

  /** The part of a request a problem is about. */
  public enum Field {
    MODEL,
    BASE_URL,
    PRICE,
    APPROVAL,
    MERGE,
    FORK,
    MAX_TURNS,
    RAW,
    ALLOW_SOURCE,
    TASK,
    EXPECT,
    RUNS_DIR,
    HOME,
    PROMPTS,
    EXEC_TIMEOUT,
    OUTPUT_BUDGET,
    PASS_ENV,
    PYTHON,
    BUDGET,
    POLICY
  }

  /** A request (or what it names) that cannot work; the message says why and what to do. */
  public static final class Invalid extends IllegalArgumentException {
    private final Field field;

    public Invalid(Field field, String message) {
      super(message);
      this.field = field;
    }

    public Field field() {
      return field;
    }
  }

  public RunRequest {
    if (model == null || model.isBlank()) {
      throw new Invalid(Field.MODEL, "a run needs a model: provider:name or scripted:FILE");
    }
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(merge, "merge");
    if (maxTurns < 1) {
      throw new Invalid(Field.MAX_TURNS, "the turn cap must be at least 1, not " + maxTurns);
    }
    if (execTimeout == null || execTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new Invalid(
          Field.EXEC_TIMEOUT,
          "the execution timeout must be at least 1 second, not "
              + (execTimeout == null ? "none" : execTimeout.toSeconds() + " seconds"));
    }
    if (outputBudget < MIN_OUTPUT_BUDGET) {
      throw new Invalid(
          Field.OUTPUT_BUDGET,
          "the output shown to the model must be at least "
              + MIN_OUTPUT_BUDGET
              + " characters per stream, not "
              + outputBudget);
    }
    allowSources = List.copyOf(allowSources == null ? List.of() : allowSources);
    passEnv = List.copyOf(passEnv == null ? List.of() : passEnv);
    budget = budget == null ? Budget.NONE : budget;
    if (budget.usd() != null && (price == null || price.isBlank())) {
      throw new Invalid(
          Field.BUDGET,
          "a budget in US dollars needs the model's price: add --price IN/OUT (USD per million"
              + " input and output tokens, e.g. 3/15), or limit tokens or minutes instead");
    }
  }

  /** A request for {@code model} with every other setting at its default. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** Builds a {@link RunRequest}; defaults: ask, ask, 8 turns, 300 s, 8000 characters. */
  public static final class Builder {
    private final String model;
    private String baseUrl;
    private String price;
    private ApprovalPolicy approval = ApprovalPolicy.ASK;
    private MergePolicy merge = MergePolicy.ASK;
    private String fork;
    private int maxTurns = RunConfig.DEFAULT_MAX_TURNS;
    private String raw;
    private final List<String> allowSources = new ArrayList<>();
    private Path task;
    private String expect;
    private Path runsDir;
    private Path lakehouseHome;
    private Path prompts;
    private Duration execTimeout = Duration.ofSeconds(300);
    private int outputBudget = RunConfig.DEFAULT_OUTPUT_BUDGET;
    private final List<String> passEnv = new ArrayList<>();
    private Path python;
    private boolean unsafeNoIsolation;
    private Budget budget = Budget.NONE;
    private Path policy;

    private Builder(String model) {
      this.model = model;
    }

    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    public Builder price(String inOut) {
      this.price = inOut;
      return this;
    }

    public Builder approval(ApprovalPolicy policy) {
      this.approval = policy;
      return this;
    }

    public Builder merge(MergePolicy policy) {
      this.merge = policy;
      return this;
    }

    public Builder fork(String runIdAtTurn) {
      this.fork = runIdAtTurn;
      return this;
    }

    public Builder maxTurns(int turns) {
      this.maxTurns = turns;
      return this;
    }

    public Builder raw(String uri) {
      this.raw = uri;
      return this;
    }

    public Builder allowSource(String s3Prefix) {
      this.allowSources.add(s3Prefix);
      return this;
    }

    public Builder task(Path markdown) {
      this.task = markdown;
      return this;
    }

    public Builder expect(String expectations) {
      this.expect = expectations;
      return this;
    }

    public Builder runsDir(Path dir) {
      this.runsDir = dir;
      return this;
    }

    public Builder lakehouseHome(Path dir) {
      this.lakehouseHome = dir;
      return this;
    }

    public Builder prompts(Path dir) {
      this.prompts = dir;
      return this;
    }

    public Builder execTimeout(Duration timeout) {
      this.execTimeout = timeout;
      return this;
    }

    public Builder outputBudget(int characters) {
      this.outputBudget = characters;
      return this;
    }

    public Builder passEnv(String name) {
      this.passEnv.add(name);
      return this;
    }

    public Builder python(Path interpreter) {
      this.python = interpreter;
      return this;
    }

    public Builder unsafeNoIsolation(boolean unsafe) {
      this.unsafeNoIsolation = unsafe;
      return this;
    }

    public Builder budget(Budget limits) {
      this.budget = limits;
      return this;
    }

    public Builder policy(Path rulesFile) {
      this.policy = rulesFile;
      return this;
    }

    public RunRequest build() {
      return new RunRequest(
          model,
          baseUrl,
          price,
          approval,
          merge,
          fork,
          maxTurns,
          raw,
          allowSources,
          task,
          expect,
          runsDir,
          lakehouseHome,
          prompts,
          execTimeout,
          outputBudget,
          passEnv,
          python,
          unsafeNoIsolation,
          budget,
          policy);
    }
  }
}
