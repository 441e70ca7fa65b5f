package dev.airlock.ui.settings;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunConfig;
import java.nio.file.Path;

/**
 * The console's settings: the defaults of New run (policies, sandbox limits, raw data), where runs
 * and the lakehouse live for runs started from the console, the theme and the font size. Null
 * folders mean the app's own ({@code ~/.local/share/airlock/...}); a null raw default means the
 * generated demo data.
 *
 * @param lastRun what New run was last started with, or null
 */
public record ConsoleSettings(
    ApprovalPolicy approval,
    MergePolicy merge,
    long execTimeoutSeconds,
    int outputBudget,
    String rawDefault,
    Path lakehouseHome,
    Path runsDir,
    boolean dark,
    int fontSize,
    NewRunChoices lastRun) {

  /** The console's text size when nothing is chosen, in pixels. */
  public static final int DEFAULT_FONT_SIZE = 13;

  public static final int MIN_FONT_SIZE = 9;
  public static final int MAX_FONT_SIZE = 24;

  /** The console as it comes: the CLI's defaults, the light theme. */
  public static ConsoleSettings defaults() {
    return new ConsoleSettings(
        ApprovalPolicy.ASK,
        MergePolicy.ASK,
        300,
        RunConfig.DEFAULT_OUTPUT_BUDGET,
        null,
        null,
        null,
        false,
        DEFAULT_FONT_SIZE,
        null);
  }

  public ConsoleSettings withLastRun(NewRunChoices choices) {
    return new ConsoleSettings(
        approval,
        merge,
        execTimeoutSeconds,
        outputBudget,
        rawDefault,
        lakehouseHome,
        runsDir,
        dark,
        fontSize,
        choices);
  }

  public ConsoleSettings withDark(boolean isDark) {
    return new ConsoleSettings(
        approval,
        merge,
        execTimeoutSeconds,
        outputBudget,
        rawDefault,
        lakehouseHome,
        runsDir,
        isDark,
        fontSize,
        lastRun);
  }

  /** These settings with {@code other}'s remembered New-run choices. */
  public ConsoleSettings keepingLastRunOf(ConsoleSettings other) {
    return withLastRun(other.lastRun);
  }
}
