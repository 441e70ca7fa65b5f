package dev.airlock.ui.settings;

import java.util.Objects;

/**
 * What New run was last started with, as remembered in {@code console.json}: the task's kind and
 * file (free text lives in its own file in the config folder), the raw data, the model, the
 * policies and limits. Null means "not chosen": the settings' default applies.
 *
 * @param task how the task is given
 * @param taskFile the Markdown file, for {@link TaskKind#FILE}
 * @param raw a folder, file or s3:// location; null for the generated demo data
 * @param model "provider:name", "demo" or "scripted:FILE"
 * @param baseUrl an OpenAI-compatible server, or null
 * @param price "IN/OUT" US dollars per million tokens, or null
 * @param budgetTokens the token budget, or null
 * @param budgetUsd the US dollar budget, or null
 * @param budgetMinutes the time budget in minutes, or null
 */
public record NewRunChoices(
    TaskKind task,
    String taskFile,
    String raw,
    String model,
    String baseUrl,
    String price,
    String approval,
    String merge,
    int maxTurns,
    long execTimeoutSeconds,
    Long budgetTokens,
    Double budgetUsd,
    Long budgetMinutes) {

  /** How the task is given. */
  public enum TaskKind {
    /** The packaged Write-Audit-Publish task. */
    PACKAGED,
    /** A Markdown file. */
    FILE,
    /** Text typed in the dialog, kept in a file of the config folder. */
    TEXT
  }

  public NewRunChoices {
    task = task == null ? TaskKind.PACKAGED : task;
  }

  /** These choices, with each default that changed from {@code was} to {@code now} taken over. */
  public NewRunChoices withChangedDefaults(ConsoleSettings was, ConsoleSettings now) {
    return new NewRunChoices(
        task,
        taskFile,
        Objects.equals(was.rawDefault(), now.rawDefault()) ? raw : now.rawDefault(),
        model,
        baseUrl,
        price,
        was.approval() == now.approval() ? approval : now.approval().word(),
        was.merge() == now.merge() ? merge : now.merge().word(),
        maxTurns,
        was.execTimeoutSeconds() == now.execTimeoutSeconds()
            ? execTimeoutSeconds
            : now.execTimeoutSeconds(),
        budgetTokens,
        budgetUsd,
        budgetMinutes);
  }
}
