package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The run's supervisor for code: rules first, then a policy a person can change mid-run. */
class SwitchableSupervisorTest {
  private final List<RunEvent> events = new ArrayList<>();
  private final List<Proposal> asked = new ArrayList<>();
  private final AtomicInteger turn = new AtomicInteger(1);

  /** The person: approves everything they are asked, and remembers what they were asked. */
  private final Supervisor person =
      new Supervisor() {
        @Override
        public Decision review(Proposal proposal) {
          asked.add(proposal);
          return new Decision.Approve("human:tester");
        }

        @Override
        public String policy() {
          return "ask";
        }
      };

  private SwitchableSupervisor supervisor(ApprovalPolicy initial, PolicyRules rules) {
    return new SwitchableSupervisor(
        initial,
        person,
        new RunJournal(),
        Audit.unavailable("no checks in this test"),
        rules,
        events::add,
        Clock.systemUTC(),
        turn::get);
  }

  private static Proposal proposal(int turn, String code, String... packages) {
    return new Proposal("r", turn, "why", List.of(packages), code, new RiskDetector().scan(code));
  }

  @Test
  void relaxingToAutoStopsTheAskingFromTheNextDecisionOnAndIsRecordedOnTheTurn() {
    SwitchableSupervisor s = supervisor(ApprovalPolicy.ASK, PolicyRules.NONE);
    assertThat(s.review(proposal(1, "print(1)")).by()).isEqualTo("human:tester");

    turn.set(2);
    assertThat(s.change(ApprovalPolicy.AUTO, "human:tester")).isTrue();

    assertThat(s.review(proposal(2, "print(2)")).by()).isEqualTo("policy:auto");
    assertThat(s.review(proposal(3, "print(3)")).by()).isEqualTo("policy:auto");
    assertThat(asked).extracting(Proposal::turn).containsExactly(1);
    assertThat(events)
        .containsExactly(
            new RunEvent.PolicyChanged(
                2, ((RunEvent.PolicyChanged) events.get(0)).at(), "ask", "auto", "human:tester"));
    assertThat(s.approval()).isEqualTo(ApprovalPolicy.AUTO);
    assertThat(s.policy()).isEqualTo("auto");
  }

  @Test
  void tighteningBackToRiskyAsksAgainForRiskyCodeOnly() {
    SwitchableSupervisor s = supervisor(ApprovalPolicy.AUTO, PolicyRules.NONE);
    s.change(ApprovalPolicy.RISKY, "human:tester");

    assertThat(s.review(proposal(1, "print(1)")).by()).isEqualTo("policy:risky");
    assertThat(s.review(proposal(2, "import socket")).by()).isEqualTo("human:tester");
    assertThat(asked).extracting(Proposal::turn).containsExactly(2);
  }

  @Test
  void choosingThePolicyInForceChangesAndRecordsNothing() {
    SwitchableSupervisor s = supervisor(ApprovalPolicy.RISKY, PolicyRules.NONE);
    assertThat(s.change(ApprovalPolicy.RISKY, "human:tester")).isFalse();
    assertThat(events).isEmpty();
  }

  @Test
  void theFirstMatchingRuleDecidesAndIsNamedAsWhoDecided() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            """
            rules:
              - name: no-pip
                when: {packages: any}
                then: reject
                message: nothing can be installed here
              - name: safe-code
                when: {risks: none}
                then: approve
            """,
            "policy.yaml");
    SwitchableSupervisor s = supervisor(ApprovalPolicy.ASK, rules);

    Decision pip = s.review(proposal(1, "print(1)", "requests==2.0"));
    Decision safe = s.review(proposal(2, "print(2)"));
    Decision risky = s.review(proposal(3, "import socket"));

    assertThat(pip.by()).isEqualTo("rule:no-pip");
    assertThat(pip.verdict()).isEqualTo(Decision.Verdict.REJECT);
    assertThat(((Decision.Reject) pip).feedback())
        .contains("no-pip", "nothing can be installed here");
    assertThat(safe.by()).isEqualTo("rule:safe-code");
    assertThat(safe.verdict()).isEqualTo(Decision.Verdict.APPROVE);
    // No rule matches: the approval policy (ask) decides, so the person is asked.
    assertThat(risky.by()).isEqualTo("human:tester");
    assertThat(asked).extracting(Proposal::turn).containsExactly(3);
  }

  @Test
  void anAskRuleFlagsTheCodeForThePersonAndUnderAutoRefusesSayingNobodyIsThere() throws Exception {
    PolicyRules rules =
        PolicyRulesReader.parse(
            """
            rules:
              - name: network-needs-a-person
                when: {risks: [network]}
                then: ask
                message: the network is off here
            """,
            "policy.yaml");
    SwitchableSupervisor s = supervisor(ApprovalPolicy.RISKY, rules);

    assertThat(s.review(proposal(1, "import requests")).by()).isEqualTo("human:tester");
    assertThat(asked.get(0).risks().get(0).rule()).isEqualTo("rule:network-needs-a-person");
    assertThat(asked.get(0).risks().get(0).why()).contains("the network is off here");

    s.change(ApprovalPolicy.AUTO, "human:tester");
    Decision unattended = s.review(proposal(2, "import requests"));
    assertThat(unattended.verdict()).isEqualTo(Decision.Verdict.REJECT);
    assertThat(unattended.by()).isEqualTo("rule:network-needs-a-person");
    assertThat(((Decision.Reject) unattended).feedback())
        .contains("nobody is asked under the approval policy auto");
    assertThat(asked).hasSize(1);
  }

  @Test
  void rowsWrittenCountsTheTablesAMergeAddsOrChangesWholeAndFailsClosedWhenUnknown() {
    assertThat(
            PolicyRules.rowsWritten(
                List.of(
                    new RunEvent.TableChange("b.fees", "changed", 900L, 1000L, List.of()),
                    new RunEvent.TableChange("b.new", "added", null, 50L, List.of()),
                    new RunEvent.TableChange("b.old", "removed", 70L, null, List.of()))))
        .isEqualTo(1050L);
    assertThat(
            PolicyRules.rowsWritten(
                List.of(new RunEvent.TableChange("b.x", "changed", 1L, null, List.of()))))
        .isNull();
  }

  @Test
  void rowsWrittenNeverWrapsOrShrinksABigMergeIntoASmallOne() {
    long half = Long.MAX_VALUE / 2 + 1;
    // Two huge counts would wrap to a negative sum, under any rows_written_over threshold.
    assertThat(
            PolicyRules.rowsWritten(
                List.of(
                    new RunEvent.TableChange("b.a", "added", null, half, List.of()),
                    new RunEvent.TableChange("b.b", "added", null, half, List.of()))))
        .isEqualTo(Long.MAX_VALUE);
    // A negative count cannot be right: the sum is unknown, so the rule applies.
    assertThat(
            PolicyRules.rowsWritten(
                List.of(
                    new RunEvent.TableChange("b.a", "added", null, 5_000_000L, List.of()),
                    new RunEvent.TableChange("b.b", "changed", 1L, -4_999_999L, List.of()))))
        .isNull();
  }
}
