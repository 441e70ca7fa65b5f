package dev.airlock.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags code a supervisor should read before it runs (the {@code risky} approval policy): merges
 * into main, deleting branches or tables, starting processes, network access, writes outside the
 * workspace, package installs. A line-level scan, deliberately simple and explainable: every flag
 * names the rule, the line and why it matters. It is a tripwire for attention, not a security
 * boundary (the sandbox is that).
 */
public final class RiskDetector {
  private record Rule(String name, Pattern pattern, String why) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "merge-into-main",
              "merge_branch\\s*\\(.*['\"]main['\"]",
              "merges into main: the data would be published"),
          rule("merge", "merge_branch\\s*\\(", "merges a branch (check the target)"),
          rule("delete-branch", "delete_branch\\s*\\(", "deletes a data branch"),
          rule("delete-table", "delete_table\\s*\\(|\\bdrop\\s+table\\b", "deletes a table"),
          rule(
              "subprocess",
              "\\bsubprocess\\b|\\bos\\.(system|popen|exec\\w*|spawn\\w*|fork)\\b|\\bpty\\b",
              "starts another process"),
          rule(
              "network",
              "\\bimport\\s+(socket|requests|httpx|aiohttp|urllib3?)\\b|"
                  + "\\bfrom\\s+(socket|requests|httpx|aiohttp|urllib3?|http\\.client)\\b|"
                  + "\\burllib\\.request\\b|\\bhttp\\.client\\b|\\bsocket\\.socket\\b",
              "uses the network"),
          rule(
              "pip-install",
              "\\bpip3?\\s+install\\b|\\bensurepip\\b|\\bpip\\.main\\b",
              "installs packages"),
          rule(
              "write-outside-workspace",
              "open\\s*\\(\\s*['\"]/(?!work/|tmp/)[^'\"]*['\"]\\s*,\\s*['\"][wax]|"
                  + "\\b(shutil\\.(rmtree|move|copy\\w*)|os\\.(remove|unlink|rmdir|rename|makedirs|chmod))"
                  + "\\s*\\(\\s*['\"]/(?!work/|tmp/)",
              "writes or deletes outside the workspace"));

  private static Rule rule(String name, String regex, String why) {
    return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), why);
  }

  public List<Risk> scan(String code) {
    List<Risk> risks = new ArrayList<>();
    String[] lines = code.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        continue;
      }
      boolean mergeIntoMain = false;
      for (Rule rule : RULES) {
        if (rule.name.equals("merge") && mergeIntoMain) {
          continue;
        }
        if (rule.pattern.matcher(line).find()) {
          mergeIntoMain |= rule.name.equals("merge-into-main");
          risks.add(new Risk(rule.name, i + 1, abbreviate(trimmed), rule.why));
        }
      }
    }
    return risks;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
