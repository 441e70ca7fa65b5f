package dev.airlock.ui.newrun;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Budget;
import dev.airlock.agent.MergePolicy;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunRequest.Field;
import dev.airlock.ui.settings.ConsoleSettings;
import dev.airlock.ui.settings.NewRunChoices;
import dev.airlock.ui.settings.NewRunChoices.TaskKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New run's fields as typed, and the {@link RunRequest} they make. Toolkit-free and without I/O:
 * the request is built with {@link RunRequest#builder}, so a value it refuses fails with the CLI's
 * own message, under the field at fault. Text that is not a number fails the same way, under its
 * field.
 *
 * @param taskText the free text, for {@link TaskKind#TEXT} (written to a file before the run)
 */
public record NewRunForm(
    TaskKind task,
    String taskFile,
    String taskText,
    String raw,
    String model,
    String baseUrl,
    String price,
    ApprovalPolicy approval,
    MergePolicy merge,
    String maxTurns,
    String execTimeout,
    String budgetTokens,
    String budgetUsd,
    String budgetMinutes) {

  /** The form as the last choices (or the settings' defaults) fill it. */
  public static NewRunForm from(ConsoleSettings settings, String freeText) {
    NewRunChoices c = settings.lastRun();
    if (c == null) {
      return new NewRunForm(
          TaskKind.PACKAGED,
          "",
          freeText,
          settings.rawDefault() == null ? "" : settings.rawDefault(),
          "demo",
          "",
          "",
          settings.approval(),
          settings.merge(),
          "8",
          String.valueOf(settings.execTimeoutSeconds()),
          "",
          "",
          "");
    }
    return new NewRunForm(
        c.task(),
        orEmpty(c.taskFile()),
        freeText,
        orEmpty(c.raw()),
        c.model(),
        orEmpty(c.baseUrl()),
        orEmpty(c.price()),
        ApprovalPolicy.of(c.approval()),
        MergePolicy.parse(c.merge()),
        String.valueOf(c.maxTurns()),
        String.valueOf(c.execTimeoutSeconds()),
        c.budgetTokens() == null ? "" : String.valueOf(c.budgetTokens()),
        c.budgetUsd() == null ? "" : plain(c.budgetUsd()),
        c.budgetMinutes() == null ? "" : String.valueOf(c.budgetMinutes()));
  }

  /**
   * The request these fields describe, with the settings' folders and output budget; {@code
   * textTask} is where the free text is kept.
   *
   * @throws RunRequest.Invalid naming the field at fault, with the CLI's message
   */
  public RunRequest request(ConsoleSettings settings, Path textTask) {
    RunRequest.Builder b =
        RunRequest.builder(model.strip())
            .baseUrl(blankToNull(baseUrl))
            .price(blankToNull(price))
            .approval(approval)
            .merge(merge)
            .maxTurns(turns())
            .execTimeout(
                Duration.ofSeconds(
                    whole(
                        Field.EXEC_TIMEOUT,
                        execTimeout,
                        "the execution timeout must be at least 1 second, not ")))
            .outputBudget(settings.outputBudget())
            .raw(blankToNull(raw))
            .runsDir(settings.runsDir())
            .lakehouseHome(settings.lakehouseHome())
            .budget(budget())
            .task(taskPath(textTask));
    return b.build();
  }

  /**
   * Every field's problem at once (each part checked on its own, then the whole request), in the
   * dialog's order; empty when {@link #request} will succeed.
   */
  public Map<Field, String> problems(ConsoleSettings settings, Path textTask) {
    Map<Field, String> problems = new LinkedHashMap<>();
    List<Runnable> parts =
        List.of(
            () -> taskPath(textTask),
            () -> RunRequest.builder(model).build(),
            () -> RunRequest.builder("demo").maxTurns(turns()).build(),
            () ->
                RunRequest.builder("demo")
                    .execTimeout(
                        Duration.ofSeconds(
                            whole(
                                Field.EXEC_TIMEOUT,
                                execTimeout,
                                "the execution timeout must be at least 1 second, not ")))
                    .build(),
            this::budget);
    for (Runnable part : parts) {
      try {
        part.run();
      } catch (RunRequest.Invalid e) {
        problems.putIfAbsent(e.field(), e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      try {
        request(settings, textTask);
      } catch (RunRequest.Invalid e) {
        problems.put(e.field(), e.getMessage());
      }
    }
    return problems;
  }

  /** What to remember of these fields (never the free text itself: it has its own file). */
  public NewRunChoices choices() {
    return new NewRunChoices(
        task,
        blankToNull(taskFile),
        blankToNull(raw),
        model.strip(),
        blankToNull(baseUrl),
        blankToNull(price),
        approval.word(),
        merge.word(),
        turns(),
        whole(
            Field.EXEC_TIMEOUT,
            execTimeout,
            "the execution timeout must be at least 1 second, not "),
        budget().tokens(),
        budget().usd(),
        budget().time() == null ? null : budget().time().toMinutes());
  }

  private int turns() {
    long turns = whole(Field.MAX_TURNS, maxTurns, "the turn cap must be at least 1, not ");
    if (turns > 1000) {
      throw new RunRequest.Invalid(
          Field.MAX_TURNS, "the turn cap must be at most 1000, not " + turns);
    }
    return (int) Math.max(turns, Integer.MIN_VALUE);
  }

  private Path taskPath(Path textTask) {
    return switch (task) {
      case PACKAGED -> null;
      case TEXT -> {
        if (taskText == null || taskText.isBlank()) {
          throw new RunRequest.Invalid(
              Field.TASK,
              "the task is empty: type what the run should do, or use the packaged task");
        }
        yield textTask;
      }
      case FILE -> {
        if (taskFile == null || taskFile.isBlank()) {
          throw new RunRequest.Invalid(
              Field.TASK, "choose a Markdown task file, or use the packaged task");
        }
        try {
          yield Path.of(taskFile.strip());
        } catch (InvalidPathException e) {
          throw new RunRequest.Invalid(Field.TASK, taskFile + " is not a readable file");
        }
      }
    };
  }

  private Budget budget() {
    Long tokens =
        blankToNull(budgetTokens) == null
            ? null
            : whole(Field.BUDGET, budgetTokens, "the token budget must be at least 1 token, not ");
    Double usd = null;
    if (blankToNull(budgetUsd) != null) {
      try {
        usd = Double.parseDouble(budgetUsd.strip().replaceFirst("^\\$", ""));
      } catch (NumberFormatException e) {
        throw new RunRequest.Invalid(
            Field.BUDGET,
            "the US dollar budget must be a positive amount such as 0.50, not "
                + budgetUsd.strip());
      }
    }
    Long minutes =
        blankToNull(budgetMinutes) == null
            ? null
            : whole(
                Field.BUDGET,
                budgetMinutes,
                "the time budget must be a positive number of minutes, not ");
    try {
      return new Budget(tokens, usd, minutes == null ? null : Duration.ofMinutes(minutes));
    } catch (IllegalArgumentException e) {
      throw new RunRequest.Invalid(Field.BUDGET, e.getMessage());
    }
  }

  /** {@code text} as a whole number; otherwise the rule's own words, naming what was typed. */
  private static long whole(Field field, String text, String rule) {
    String t = text == null ? "" : text.strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new RunRequest.Invalid(field, rule + (t.isEmpty() ? "empty" : "'" + t + "'"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
