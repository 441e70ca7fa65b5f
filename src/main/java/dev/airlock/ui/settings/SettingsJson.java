package dev.airlock.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code console.json}'s shape, field by field. Reading checks every value with {@link
 * SettingsRules}; a missing field takes its default, a wrong one makes the file unusable ({@link
 * Invalid}, naming the field and the rule).
 */
final class SettingsJson {
  static final int FORMAT = 1;

  /** A URL's "user:password@" (up to its last "@" before the path). */
  private static final Pattern USER_INFO =
      Pattern.compile("^(\\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

  /** A value in the file that breaks a rule. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  private SettingsJson() {}

  static ObjectNode write(ConsoleSettings s) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("approval", s.approval().word());
    root.put("merge", s.merge().word());
    root.put("exec_timeout_s", s.execTimeoutSeconds());
    root.put("output_budget", s.outputBudget());
    root.put("raw_default", withoutUserInfo(s.rawDefault()));
    root.put("lakehouse_home", s.lakehouseHome() == null ? null : s.lakehouseHome().toString());
    root.put("runs_dir", s.runsDir() == null ? null : s.runsDir().toString());
    root.put("theme", s.dark() ? "dark" : "light");
    root.put("font_size", s.fontSize());
    NewRunChoices c = s.lastRun();
    if (c != null) {
      ObjectNode last = root.putObject("last_run");
      last.put("task", c.task().name().toLowerCase(Locale.ROOT));
      last.put("task_file", c.taskFile());
      last.put("raw", withoutUserInfo(c.raw()));
      last.put("model", c.model());
      last.put("base_url", withoutUserInfo(c.baseUrl()));
      last.put("price", c.price());
      last.put("approval", c.approval());
      last.put("merge", c.merge());
      last.put("max_turns", c.maxTurns());
      last.put("exec_timeout_s", c.execTimeoutSeconds());
      last.put("budget_tokens", c.budgetTokens());
      last.put("budget_usd", c.budgetUsd());
      last.put("budget_minutes", c.budgetMinutes());
    }
    return root;
  }

  /**
   * {@code location} without the user and password a URL may carry ({@code
   * https://user:key@host/v1}): the file keeps where, never a secret.
   */
  static String withoutUserInfo(String location) {
    return location == null ? null : USER_INFO.matcher(location).replaceFirst("$1");
  }

  /** The most of a value a message repeats. */
  private static final int SHOWN = 80;

  /**
   * {@code value} as a message may repeat it: control and direction characters as {@code \\uXXXX},
   * cut to {@value #SHOWN} characters (a file may hold a megabyte in one field).
   */
  static String shown(String value) {
    return shown(value, SHOWN);
  }

  /** {@code value} as {@link #shown(String)} says, cut to {@code most} characters. */
  static String shown(String value, int most) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < value.length() && out.length() < most; i++) {
      char c = value.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return i < value.length() ? out + "…" : out.toString();
  }

  static ConsoleSettings read(JsonNode root) throws Invalid {
    if (!root.isObject()) {
      throw new Invalid(
          "it holds " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
    }
    ConsoleSettings d = ConsoleSettings.defaults();
    String approval = text(root, "approval", d.approval().word());
    String merge = text(root, "merge", d.merge().word());
    long timeout = number(root, "exec_timeout_s", d.execTimeoutSeconds());
    long output = number(root, "output_budget", d.outputBudget());
    String theme = text(root, "theme", "light");
    long font = number(root, "font_size", d.fontSize());
    check("exec_timeout_s", SettingsRules.execTimeout(timeout));
    check("output_budget", SettingsRules.outputBudget((int) Math.min(output, Integer.MAX_VALUE)));
    check("font_size", SettingsRules.fontSize((int) Math.min(font, Integer.MAX_VALUE)));
    if (!theme.equals("light") && !theme.equals("dark")) {
      throw new Invalid("theme: the theme must be light or dark, not '" + shown(theme) + "'");
    }
    return new ConsoleSettings(
        approval(approval),
        merge(merge),
        timeout,
        (int) output,
        text(root, "raw_default", null),
        folder(root, "lakehouse_home"),
        folder(root, "runs_dir"),
        theme.equals("dark"),
        (int) font,
        lastRun(root.get("last_run")));
  }

  private static NewRunChoices lastRun(JsonNode node) throws Invalid {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new Invalid("last_run must be an object");
    }
    String kind = text(node, "task", "packaged");
    NewRunChoices.TaskKind task;
    try {
      task = NewRunChoices.TaskKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Invalid("last_run.task must be packaged, file or text, not '" + shown(kind) + "'");
    }
    String approval = text(node, "approval", "ask");
    String merge = text(node, "merge", "ask");
    approval(approval);
    merge(merge);
    long turns = number(node, "max_turns", 8);
    long timeout = number(node, "exec_timeout_s", 300);
    check(
        "last_run.max_turns",
        SettingsRules.maxTurns(
            (int) Math.max(Integer.MIN_VALUE, Math.min(turns, Integer.MAX_VALUE))));
    check("last_run.exec_timeout_s", SettingsRules.execTimeout(timeout));
    Long tokens = optionalNumber(node, "budget_tokens");
    Double usd = optionalDecimal(node, "budget_usd");
    Long minutes = optionalNumber(node, "budget_minutes");
    check("last_run.budget", SettingsRules.budget(tokens, usd, minutes));
    String model = text(node, "model", "demo");
    if (model.isBlank()) {
      throw new Invalid("last_run.model: a run needs a model: provider:name or scripted:FILE");
    }
    return new NewRunChoices(
        task,
        text(node, "task_file", null),
        text(node, "raw", null),
        model,
        text(node, "base_url", null),
        text(node, "price", null),
        approval,
        merge,
        (int) turns,
        timeout,
        tokens,
        usd,
        minutes);
  }

  private static ApprovalPolicy approval(String word) throws Invalid {
    try {
      return ApprovalPolicy.of(word);
    } catch (IllegalArgumentException e) {
      throw new Invalid("approval: " + e.getMessage());
    }
  }

  private static MergePolicy merge(String word) throws Invalid {
    try {
      return MergePolicy.parse(word);
    } catch (IllegalArgumentException e) {
      throw new Invalid("merge: " + e.getMessage());
    }
  }

  private static void check(String field, String problem) throws Invalid {
    if (problem != null) {
      throw new Invalid(field + ": " + problem);
    }
  }

  private static Path folder(JsonNode node, String field) throws Invalid {
    try {
      return SettingsRules.folder(field, text(node, field, null));
    } catch (IllegalArgumentException e) {
      throw new Invalid(shown(e.getMessage()));
    }
  }

  private static String text(JsonNode node, String field, String fallback) throws Invalid {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new Invalid(field + " must be a string, not " + shown(value.toString()));
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field, long fallback) throws Invalid {
    Long value = optionalNumber(node, field);
    return value == null ? fallback : value;
  }

  private static Long optionalNumber(JsonNode node, String field) throws Invalid {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new Invalid(field + " must be a whole number, not " + shown(value.toString()));
    }
    return value.asLong();
  }

  private static Double optionalDecimal(JsonNode node, String field) throws Invalid {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new Invalid(field + " must be a number, not " + shown(value.toString()));
    }
    return value.asDouble();
  }
}
