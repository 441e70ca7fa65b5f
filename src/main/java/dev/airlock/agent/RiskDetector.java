package dev.airlock.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The names of every flag this detector raises, as policy rules name them. */
  public static List<String> ruleNames() {
    List<String> names = new ArrayList<>(RULES.stream().map(Rule::name).toList());
    names.add(HIDDEN_CHARACTERS);
    return List.copyOf(names);
  }

  private static Rule rule(String name, String regex, String why) {
    return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), why);
  }

  /**
   * The rule for characters that make the code read differently from how it runs (Trojan Source):
   * bidirectional controls that reorder what is shown, invisible characters, and control
   * characters. Checked on every line, comments and strings included, since that is where such
   * characters hide code.
   */
  public static final String HIDDEN_CHARACTERS = "hidden-characters";

  /**
   * Lines as Python splits them: only CR LF, CR and LF end a line (a form feed, a vertical tab or
   * U+2028 do not), so the line numbers are those of the code that runs.
   */
  private static final Pattern PYTHON_LINE_END = Pattern.compile("\r\n|\r|\n");

  public List<Risk> scan(String code) {
    List<Risk> risks = new ArrayList<>();
    String[] lines = PYTHON_LINE_END.split(code, -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      String hidden = hiddenCharacters(line);
      if (hidden != null) {
        risks.add(
            new Risk(
                HIDDEN_CHARACTERS,
                i + 1,
                abbreviate(trimmed),
                "contains "
                    + hidden
                    + ": the line may be shown in another order, or with code that cannot be seen,"
                    + " than the one that runs"));
      }
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

  /**
   * Whether {@code c} changes how text is shown without being seen itself: bidirectional controls
   * (embeddings, overrides, isolates, marks), zero-width and other invisible format characters, and
   * control characters other than tab and form feed.
   */
  public static boolean isHidden(int c) {
    if (c == '\t' || c == '\f') {
      return false;
    }
    return Character.getType(c) == Character.FORMAT // bidi controls, zero-width, BOM, soft hyphen
        || Character.isISOControl(c)
        || c == 0x2028
        || c == 0x2029
        || c == 0x3164 // Hangul filler: drawn as nothing, yet a letter in a name
        || c == 0x115F
        || c == 0x1160;
  }

  /** The visible form of {@code s}: each hidden character as {@code <U+202E>}. */
  public static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (isHidden(c)) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** "U+202E at column 27, U+2066 at column 40", or null when the line has none. */
  private static String hiddenCharacters(String line) {
    List<String> found = new ArrayList<>();
    int column = 1;
    for (int i = 0; i < line.length(); ) {
      int c = line.codePointAt(i);
      if (isHidden(c) && found.size() < 4) {
        found.add(String.format(Locale.ROOT, "U+%04X at column %d", c, column));
      } else if (isHidden(c)) {
        found.add("more");
        break;
      }
      i += Character.charCount(c);
      column++;
    }
    return found.isEmpty() ? null : String.join(", ", found);
  }

  /** The line shortened, its hidden characters shown by their code points. */
  private static String abbreviate(String s) {
    String shown = visible(s);
    return shown.length() <= 120 ? shown : shown.substring(0, 117) + "...";
  }
}
