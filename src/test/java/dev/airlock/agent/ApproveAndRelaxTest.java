package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * "Approve &amp; relax" is one step of the engine: the waiting code is approved and the policy
 * relaxed together, or neither, whoever answers or withdraws the question at the same moment.
 */
class ApproveAndRelaxTest {
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private final Supervisor nobody =
      new Supervisor() {
        @Override
        public Decision review(Proposal proposal) {
          throw new AssertionError("the person is asked through the question in this test");
        }

        @Override
        public String policy() {
          return "ask";
        }
      };
  private final SwitchableSupervisor supervisor =
      new SwitchableSupervisor(
          ApprovalPolicy.ASK,
          nobody,
          new RunJournal(),
          Audit.unavailable("no checks in this test"),
          PolicyRules.NONE,
          events::add,
          Clock.systemUTC(),
          () -> 1);
  private final PendingApproval question =
      new PendingApproval(
          new Proposal("r", 1, "why", List.of(), "print(1)", List.of()), "human:tester");

  @Test
  void aRejectionArrivingWhileThePolicyChangesWaitsAndFindsTheCodeApproved() throws Exception {
    AtomicBoolean rejected = new AtomicBoolean(true);
    Thread[] rival = new Thread[1];

    // The moment the change is announced, another face rejects the same question.
    SwitchableSupervisor racing =
        new SwitchableSupervisor(
            ApprovalPolicy.ASK,
            nobody,
            new RunJournal(),
            Audit.unavailable("no checks in this test"),
            PolicyRules.NONE,
            e -> {
              events.add(e);
              if (e instanceof RunEvent.PolicyChanged) {
                rival[0] = new Thread(() -> rejected.set(question.reject("no")), "rival");
                rival[0].start();
                awaitBlockedOnTheQuestionOrDone(rival[0]);
              }
            },
            Clock.systemUTC(),
            () -> 1);

    assertThat(racing.approveAndChange(question, null, ApprovalPolicy.AUTO, "human:tester"))
        .isTrue();
    rival[0].join();

    assertThat(rejected).as("the rival's rejection came second and was refused").isFalse();
    assertThat(question.answer().join()).isEqualTo(new Decision.Approve("human:tester"));
    assertThat(racing.approval()).isEqualTo(ApprovalPolicy.AUTO);
    assertThat(events).hasSize(1).first().isInstanceOf(RunEvent.PolicyChanged.class);
  }

  @Test
  void aQuestionAnsweredFirstIsNeitherApprovedNorRelaxed() {
    assertThat(question.reject("not this")).isTrue();

    assertThat(supervisor.approveAndChange(question, null, ApprovalPolicy.AUTO, "human:tester"))
        .isFalse();
    assertThat(supervisor.approval()).isEqualTo(ApprovalPolicy.ASK);
    assertThat(events).isEmpty();
    assertThat(question.answer().join()).isInstanceOf(Decision.Reject.class);
  }

  @Test
  void aQuestionWithdrawnFirstIsNeitherApprovedNorRelaxed() {
    assertThat(question.withdraw("the run stopped", () -> {})).isTrue();

    assertThat(supervisor.approveAndChange(question, null, ApprovalPolicy.RISKY, "human:tester"))
        .isFalse();
    assertThat(supervisor.approval()).isEqualTo(ApprovalPolicy.ASK);
    assertThat(events).isEmpty();
  }

  @Test
  void anEditIsApprovedAsEditedAndABlankOneChangesNothing() {
    assertThatThrownBy(
            () -> supervisor.approveAndChange(question, " \n", ApprovalPolicy.AUTO, "human:tester"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThat(supervisor.approval()).isEqualTo(ApprovalPolicy.ASK);
    assertThat(question.isOpen()).isTrue();

    assertThat(
            supervisor.approveAndChange(question, "print(2)", ApprovalPolicy.AUTO, "human:tester"))
        .isTrue();
    assertThat(question.answer().join())
        .isEqualTo(new Decision.ApproveEdited("human:tester", "print(2)"));
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            RunEvent.PolicyChanged.class,
            c ->
                assertThat(List.of(c.from(), c.to(), c.by()))
                    .containsExactly("ask", "auto", "human:tester"));
  }

  /**
   * Returns once {@code t} waits for the question's lock or has finished: no timing, the thread's
   * own state says which.
   */
  private void awaitBlockedOnTheQuestionOrDone(Thread t) {
    int identity = System.identityHashCode(question);
    while (true) {
      if (t.getState() == Thread.State.TERMINATED) {
        return;
      }
      ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
      if (info != null
          && info.getThreadState() == Thread.State.BLOCKED
          && info.getLockInfo() != null
          && info.getLockInfo().getIdentityHashCode() == identity) {
        return;
      }
      Thread.onSpinWait();
    }
  }
}
