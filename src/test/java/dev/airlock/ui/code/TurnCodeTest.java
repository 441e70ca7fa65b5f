package dev.airlock.ui.code;

import static dev.airlock.ui.code.CodePaneTest.AT;
import static dev.airlock.ui.code.CodePaneTest.asked;
import static dev.airlock.ui.code.CodePaneTest.parsed;
import static dev.airlock.ui.code.CodePaneTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which code a turn shows, from its record alone (no toolkit). */
class TurnCodeTest {

  @Test
  void theProposalIsWhatTheSupervisorWasAskedToApproveElseWhatWasParsed() {
    assertThat(TurnCode.of(run(parsed(1, "a = 1")).turn(1)).shown()).isEqualTo("a = 1");
    TurnCode asked = TurnCode.of(run(parsed(1, "a = 1"), asked(1, "a = 2")).turn(1));
    assertThat(asked.proposal()).isEqualTo("a = 2");
    assertThat(asked.decided()).isFalse();
    assertThat(asked.executedEdit()).isFalse();
  }

  @Test
  void anApprovedEditShowsWhatRanAndAPlainApprovalOrRejectionShowsTheProposal() {
    TurnCode edited =
        TurnCode.of(
            run(asked(1, "a = 1"), decided(Decision.Verdict.APPROVE_EDITED, "a = 1", "a = 3"))
                .turn(1));
    assertThat(edited.executedEdit()).isTrue();
    assertThat(edited.shown()).isEqualTo("a = 3");
    assertThat(edited.proposal()).isEqualTo("a = 1");
    TurnCode approved =
        TurnCode.of(
            run(asked(1, "a = 1"), decided(Decision.Verdict.APPROVE, "a = 1", "a = 1")).turn(1));
    assertThat(approved.executedEdit()).isFalse();
    assertThat(approved.decided()).isTrue();
    TurnCode rejected =
        TurnCode.of(
            run(asked(1, "a = 1"), decided(Decision.Verdict.REJECT, "a = 1", null)).turn(1));
    assertThat(rejected.shown()).isEqualTo("a = 1");
    assertThat(rejected.decided()).isTrue();
  }

  @Test
  void aTurnWithoutCodeSaysWhy() {
    assertThat(TurnCode.of(null).emptyMessage()).isEqualTo(TurnCode.NOT_YET);
    RunEvent done =
        new RunEvent.ResponseParsed(
            1, AT, ParsedResponse.Kind.DONE, "r", List.of(), null, "ok", null);
    assertThat(TurnCode.of(run(done).turn(1)).emptyMessage()).isEqualTo(TurnCode.DONE);
    RunEvent bad =
        new RunEvent.ResponseParsed(
            1, AT, ParsedResponse.Kind.FORMAT_ERROR, "r", List.of(), null, null, "no <code>");
    TurnCode formatError = TurnCode.of(run(bad).turn(1));
    assertThat(formatError.hasCode()).isFalse();
    assertThat(formatError.emptyMessage()).isEqualTo(TurnCode.FORMAT_ERROR);
  }

  private static RunEvent decided(Decision.Verdict verdict, String proposed, String executed) {
    return new RunEvent.Decided(
        1, AT, verdict, "human:tester", proposed, executed, null, null, null);
  }
}
