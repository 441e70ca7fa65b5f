package dev.airlock.ui.code;

import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.TurnRecord;

/**
 * What the code pane shows for one turn, read from the turn's record alone: the code the agent
 * proposed (as the supervisor was asked to approve it, else as parsed), the code that was approved
 * to run when the supervisor changed it, or why there is no code.
 *
 * @param proposal the agent's code; null when the turn has none (then {@code emptyMessage} says
 *     why)
 * @param executed the code approved to run when it differs from the proposal; null otherwise
 * @param decided the supervisor (or a policy) has answered the proposal
 */
record TurnCode(String proposal, String executed, boolean decided, String emptyMessage) {

  static final String NOT_YET = "The model has not proposed code for this turn yet";
  static final String DONE = "The model says the task is done: this turn has no code to run";
  static final String FORMAT_ERROR =
      "The model's answer could not be read, so this turn has no code (see the reasoning)";

  /**
   * The record's code for {@code record}. Line endings become {@code \n}, as the code area keeps
   * them, so code the supervisor did not touch never counts as edited.
   */
  static TurnCode of(TurnRecord record) {
    TurnCode code = read(record);
    return new TurnCode(
        lines(code.proposal), lines(code.executed), code.decided, code.emptyMessage);
  }

  private static TurnCode read(TurnRecord record) {
    if (record == null) {
      return new TurnCode(null, null, false, NOT_YET);
    }
    if (record.decision() != null && record.decision().proposedCode() != null) {
      String proposed = record.decision().proposedCode();
      String executed = record.decision().executedCode();
      boolean edit = executed != null && !executed.equals(proposed);
      return new TurnCode(proposed, edit ? executed : null, true, null);
    }
    if (record.approval() != null && record.approval().code() != null) {
      return new TurnCode(record.approval().code(), null, record.decision() != null, null);
    }
    if (record.parsed() != null && record.parsed().code() != null) {
      return new TurnCode(record.parsed().code(), null, record.decision() != null, null);
    }
    if (record.parsed() != null && record.parsed().kind() == ParsedResponse.Kind.DONE) {
      return new TurnCode(null, null, false, DONE);
    }
    if (record.parsed() != null && record.parsed().kind() == ParsedResponse.Kind.FORMAT_ERROR) {
      return new TurnCode(null, null, false, FORMAT_ERROR);
    }
    return new TurnCode(null, null, false, NOT_YET);
  }

  private static String lines(String code) {
    return code == null ? null : code.replace("\r\n", "\n").replace('\r', '\n');
  }

  boolean hasCode() {
    return proposal != null;
  }

  /** The supervisor's edit was approved: the executed code differs from the proposal. */
  boolean executedEdit() {
    return executed != null;
  }

  /** The text the pane shows: the executed edit when there is one, else the proposal. */
  String shown() {
    return executedEdit() ? executed : proposal;
  }
}
