package dev.airlock.agent;

/** A rules file that cannot be used; the message names the file, the rule and the fix. */
public final class PolicyRulesException extends Exception {
  public PolicyRulesException(String message) {
    super(message);
  }
}
