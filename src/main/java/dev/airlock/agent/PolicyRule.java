package dev.airlock.agent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One remembered rule of a policy file: when every condition of {@code when} holds, {@code then}
 * decides. A rule is about code (its conditions are {@code packages} and {@code risks}) or about
 * merges ({@code merge_into}, {@code rows_written_over}), never both, since nothing is both.
 *
 * @param message what the model is told when the rule rejects (the rule's name is always said)
 */
public record PolicyRule(String name, When when, Action then, String message) {

  /** What a matching rule does. */
  public enum Action {
    /** The code runs, decided by the rule (never used for merges: they need the checks). */
    APPROVE,
    /** A person decides; with nobody there (approval policy auto), refused, saying why. */
    ASK,
    /** Refused; the model is told the rule's name and message and tries again. */
    REJECT;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Which of a list-or-word condition: {@code any} (at least one), {@code none}, or any of {@code
   * names}.
   */
  public record Match(Kind kind, List<String> names) {
    public enum Kind {
      ANY,
      NONE,
      ONE_OF
    }

    public Match {
      names = List.copyOf(names == null ? List.of() : names);
    }

    boolean test(List<String> present) {
      return switch (kind) {
        case ANY -> !present.isEmpty();
        case NONE -> present.isEmpty();
        case ONE_OF -> present.stream().anyMatch(p -> names.stream().anyMatch(n -> same(n, p)));
      };
    }
  }

  /**
   * Package names compare as pip does (PEP 503: case alike, runs of '-', '_' and '.' alike) and as
   * the sandbox reads a requirement: its leading name, whatever follows it (a version, extras, a
   * marker, "(>=2)", a no-break space) left out.
   */
  private static boolean same(String name, String requirement) {
    return canonical(requirement).equals(canonical(name));
  }

  private static final Pattern LEADING_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  static String canonical(String requirement) {
    Matcher m = LEADING_NAME.matcher(requirement);
    String bare = m.find() ? m.group(1) : requirement.strip();
    return SEPARATORS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  /**
   * The conditions, all of which must hold; null ones are not asked. {@code packages}: the packages
   * the proposal asks for; {@code risks}: the risk flags of its code (by rule name, e.g. {@code
   * pip-install}); {@code mergeInto}: the branch a merge targets; {@code rowsWrittenOver}: the rows
   * a merge would write (see {@link PolicyRules#rowsWritten}).
   */
  public record When(Match packages, Match risks, String mergeInto, Long rowsWrittenOver) {
    /** True when the rule is about merges rather than code. */
    public boolean aboutMerges() {
      return mergeInto != null || rowsWrittenOver != null;
    }
  }

  public PolicyRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(then, "then");
  }

  /** How decisions made by this rule are recorded: "rule:NAME". */
  public String by() {
    return "rule:" + name;
  }

  boolean matches(Proposal proposal) {
    if (when.aboutMerges()) {
      return false;
    }
    List<String> flags = proposal.risks().stream().map(Risk::rule).toList();
    return (when.packages() == null || when.packages().test(proposal.packages()))
        && (when.risks() == null || when.risks().test(flags));
  }

  boolean matchesMerge(String target, Long rowsWritten) {
    if (!when.aboutMerges()) {
      return false;
    }
    // Unknown row counts cannot show the merge is small enough: the rule applies (fails closed).
    return (when.mergeInto() == null || when.mergeInto().equals(target))
        && (when.rowsWrittenOver() == null
            || rowsWritten == null
            || rowsWritten > when.rowsWrittenOver());
  }

  /** What the model (or the merge's record) is told when this rule refuses. */
  String refusal() {
    String why = message == null || message.isBlank() ? "" : ": " + message.strip();
    return "refused by the policy rule '" + name + "'" + why;
  }
}
