package dev.airlock.agent;

import java.util.List;

/**
 * The remembered rules of a run, in file order: the first rule that matches a proposal (or a merge)
 * decides it; when none matches, the run's approval (or merge) policy decides as it would without
 * rules.
 *
 * @param source where the rules came from (the file), for the run's settings and messages; null for
 *     {@link #NONE}
 */
public record PolicyRules(String source, List<PolicyRule> rules) {
  /** The run setting ({@link RunEvent.RunStarted#settings}) naming the rules file in use. */
  public static final String SETTING = "policy_rules";

  /** No rules: the policies alone decide. */
  public static final PolicyRules NONE = new PolicyRules(null, List.of());

  public PolicyRules {
    rules = List.copyOf(rules);
  }

  /** "FILE (3 rules)": how the run's settings and the start of a run name them. */
  public String describe() {
    return source + " (" + rules.size() + (rules.size() == 1 ? " rule)" : " rules)");
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The first code rule that matches {@code proposal}, or null. */
  public PolicyRule forCode(Proposal proposal) {
    return rules.stream().filter(r -> r.matches(proposal)).findFirst().orElse(null);
  }

  /**
   * The first merge rule that matches a merge into {@code target} with {@code evidence}, or null.
   */
  public PolicyRule forMerge(String target, MergeEvidence evidence) {
    Long rows = rowsWritten(evidence.changes());
    return rules.stream().filter(r -> r.matchesMerge(target, rows)).findFirst().orElse(null);
  }

  /**
   * The rows a merge would write: the rows, after the merge, of every table it adds or changes (a
   * merge replaces a changed table whole, so all its rows are written, not only the difference); a
   * removed table writes none. Null when a count is unknown (or negative). Code turns have no such
   * number before they run, so {@code rows_written_over} applies to merges only.
   */
  public static Long rowsWritten(List<RunEvent.TableChange> changes) {
    long sum = 0;
    for (RunEvent.TableChange c : changes) {
      if ("removed".equals(c.change())) {
        continue;
      }
      // A count that cannot be right (negative) is unknown; a sum too large for a long is as
      // large as a long gets: neither may make a big merge look small.
      if (c.rowsAfter() == null || c.rowsAfter() < 0) {
        return null;
      }
      try {
        sum = Math.addExact(sum, c.rowsAfter());
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return sum;
  }
}
