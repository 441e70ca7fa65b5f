package dev.airlock.agent;

import dev.airlock.model.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the opening conversation: the system prompt (format rules, workflow, how to read the
 * observation) followed by the platform notes, then the task. Variables are {@code {{name}}}; an
 * unknown variable is an error naming it, never a silent blank.
 */
public final class PromptBuilder {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private final Prompts prompts;

  public PromptBuilder(Prompts prompts) {
    this.prompts = prompts;
  }

  public List<ChatMessage> opening(Task task) {
    Map<String, String> vars = variables(task);
    String system =
        render(prompts.load(Prompts.SYSTEM), vars, Prompts.SYSTEM)
            + "\n\n"
            + render(prompts.load(Prompts.PLATFORM), vars, Prompts.PLATFORM);
    String user = render(task.template(), vars, "the task");
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.system(system.strip() + "\n"));
    messages.add(ChatMessage.user(user.strip() + "\n"));
    return messages;
  }

  /** The task's variables by name: what {@code {{name}}} stands for in the prompts. */
  public static Map<String, String> variables(Task task) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("raw_uri", task.rawUri());
    vars.put("branch", task.branch());
    vars.put("namespace", task.namespace());
    vars.put(
        "tables",
        task.tables().isEmpty()
            ? "discover the files under the raw location"
            : "the files: " + String.join(", ", task.tables()));
    return vars;
  }

  static String render(String template, Map<String, String> vars, String what) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "unknown variable {{"
                + m.group(1)
                + "}} in "
                + what
                + "; the variables are "
                + String.join(", ", vars.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
