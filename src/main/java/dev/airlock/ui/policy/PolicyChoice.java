package dev.airlock.ui.policy;

import dev.airlock.agent.ApprovalPolicy;

/** Each approval policy as the console offers it: its word and what it means for the person. */
enum PolicyChoice {
  ASK(ApprovalPolicy.ASK, "ask before every turn's code runs"),
  RISKY(ApprovalPolicy.RISKY, "ask only for code flagged as risky"),
  AUTO_WHILE_GREEN(ApprovalPolicy.AUTO_WHILE_GREEN, "ask when a check fails"),
  AUTO(ApprovalPolicy.AUTO, "never ask");

  final ApprovalPolicy policy;
  final String meaning;

  PolicyChoice(ApprovalPolicy policy, String meaning) {
    this.policy = policy;
    this.meaning = meaning;
  }

  /** "risky — ask only for code flagged as risky". */
  String label() {
    return policy.word() + " — " + meaning;
  }

  /** The policies "approve and relax" offers: every one that asks less than {@code ask}. */
  static PolicyChoice[] relaxing() {
    return new PolicyChoice[] {RISKY, AUTO_WHILE_GREEN, AUTO};
  }
}
