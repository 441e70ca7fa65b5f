package dev.airlock.agent;

import java.util.Locale;

/** Who approves code before it runs. Each policy's word is how transcripts and faces name it. */
public enum ApprovalPolicy {
  /** A person reviews every proposal. */
  ASK,
  /** A person reviews only proposals flagged as risky; the rest run. */
  RISKY,
  /**
   * Proposals run while the checks on the tables the run already wrote keep passing; the first
   * failure (or a check that cannot run) asks the person.
   */
  AUTO_WHILE_GREEN,
  /** Every proposal runs. */
  AUTO;

  /** "ask", "risky", "auto-while-green", "auto". */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The policy named by {@code word}; a clear error listing the words otherwise. */
  public static ApprovalPolicy of(String word) {
    for (ApprovalPolicy p : values()) {
      if (p.word().equals(word == null ? null : word.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "the approval policy must be ask, risky, auto-while-green or auto, not '" + word + "'");
  }

  /** The supervisor for this policy, with {@code human} behind it where a person decides. */
  public Supervisor supervisor(Supervisor human, RunJournal journal, Audit audit) {
    return switch (this) {
      case ASK -> human;
      case RISKY -> new RiskyOnly(human);
      case AUTO_WHILE_GREEN -> new AutoWhileGreen(human, journal, audit);
      case AUTO -> new AutoApprove();
    };
  }
}
