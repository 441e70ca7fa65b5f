package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Decision;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop reaches every wait a run can be in. Each case stops the run while it waits and expects it
 * STOPPED promptly (well before the wait would end by itself), with the transcript closed and no
 * sandbox process left.
 */
class StopTest {
  @TempDir Path tmp;

  @Test
  void duringAModelCall() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept()); // accepts and never answers
                  }
                } catch (Exception closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      RunSession session =
          f.open(
              f.request("openai-compatible:slow", ApprovalPolicy.AUTO, MergePolicy.NEVER)
                  .baseUrl("http://127.0.0.1:" + silent.getLocalPort() + "/v1")
                  .build());
      session.start();
      f.await(RunEvent.ModelRequested.class);
      Thread.sleep(300);
      stopsPromptly(f, session, "stop during the model call");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void duringAnExecution() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(
                        SessionFixture.code(
                            "import time\nprint('started', flush=True)\ntime.sleep(120)")),
                    ApprovalPolicy.AUTO,
                    MergePolicy.NEVER)
                .build());
    session.start();
    f.await(RunEvent.OutputChunk.class);
    stopsPromptly(f, session, "stop during the execution");
  }

  @Test
  void duringAnApprovalWait() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print('never runs')")),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    session.start();
    PendingDecision pending = f.await(RunEvent.DecisionPending.class).decision();
    stopsPromptly(f, session, "stop during the approval");
    assertThat(pending.withdrawn()).isTrue();
    assertThat(f.all(RunEvent.Decided.class)).isEmpty();
    RunEvent.DecisionWithdrawn withdrawn = f.all(RunEvent.DecisionWithdrawn.class).get(0);
    assertThat(withdrawn.kind()).isEqualTo("approval");
    assertThat(withdrawn.reason()).isEqualTo("stop during the approval");
  }

  @Test
  void anApprovalGivenJustBeforeAStopIsOnRecordAndItsCodeDoesNotOutliveTheStop() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("import time\ntime.sleep(120)")),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    session.subscribe(
        e -> {
          if (e instanceof RunEvent.DecisionPending p
              && p.decision() instanceof PendingApproval a) {
            a.approve();
            session.stop("stopped right after approving");
          }
        });
    session.start();
    RunOutcome outcome = session.outcome().get(60, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(outcome.reason()).isEqualTo("stopped right after approving");
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.turns().get(0).decision().verdict()).isEqualTo(Decision.Verdict.APPROVE);
    assertThat(history.turns().get(0).decision().by()).isEqualTo("human:tester");
    assertThat(f.all(RunEvent.DecisionWithdrawn.class)).isEmpty();
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .isEmpty();
  }

  @Test
  void duringAMergeReviewTheCodeAskedFor() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    String merge =
        SessionFixture.loadOnBranch()
            .replace(
                "print(\"imported\", s.job_status)",
                "c.merge_branch(source_ref=\"{{branch}}\", into_branch=\"main\")");
    RunSession session =
        f.open(f.request(f.script(merge), ApprovalPolicy.AUTO, MergePolicy.ASK).build());
    session.start();
    PendingDecision pending = f.await(RunEvent.DecisionPending.class).decision();
    assertThat(pending).isInstanceOf(PendingMerge.class);
    stopsPromptly(f, session, "stop during the merge review");
    assertThat(pending.withdrawn()).isTrue();
    RunEvent.MergeDecided decided = f.all(RunEvent.MergeDecided.class).get(0);
    assertThat(decided.approved()).isFalse();
    assertThat(decided.by()).isEqualTo("airlock");
    assertThat(decided.reason())
        .isEqualTo("the run stopped before anyone decided (stop during the merge review)");
    assertThat(f.all(RunEvent.DecisionWithdrawn.class))
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).isEqualTo("stop during the merge review"));
    assertThat(f.all(RunEvent.MergeDecided.class)).noneMatch(RunEvent.MergeDecided::approved);
    try (Lakehouses.Lease lease = Lakehouses.open(f.launcher.paths().lakehouse())) {
      assertThat(lease.lakehouse().hasTable(session.branch(), "orders")).isTrue();
      assertThat(lease.lakehouse().tables("main")).isEmpty();
    }
  }

  @Test
  void duringTheDoneClaimsPublishStep() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.loadOnBranch(), "<done>loaded orders</done>"),
                    ApprovalPolicy.AUTO,
                    MergePolicy.ASK)
                .build());
    session.start();
    PendingDecision pending = f.await(RunEvent.DecisionPending.class).decision();
    assertThat(pending).isInstanceOf(PendingMerge.class);
    assertThat(pending.turn()).isEqualTo(2);
    stopsPromptly(f, session, "stop during publishing");
    assertThat(pending.withdrawn()).isTrue();
    assertThat(f.all(RunEvent.DecisionWithdrawn.class))
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).isEqualTo("stop during publishing"));
    try (Lakehouses.Lease lease = Lakehouses.open(f.launcher.paths().lakehouse())) {
      assertThat(lease.lakehouse().hasTable(session.branch(), "orders")).isTrue();
      assertThat(lease.lakehouse().tables("main")).isEmpty();
    }
  }

  private static void stopsPromptly(SessionFixture f, RunSession session, String reason)
      throws Exception {
    session.stop(reason);
    // Far below every wait the stop cuts short (the silent model call's 5 min attempt, the
    // execution's 120 s sleep, a question nobody answers), and far above a loaded CI machine's
    // hiccups: 2 s used to fail there with the stop working.
    RunOutcome outcome = session.outcome().get(30, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(outcome.reason()).isEqualTo(reason);
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.writerAlive()).as("transcript closed").isFalse();
    assertThat(history.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .as("no sandbox process left")
        .isEmpty();
    assertThat(f.events.get(f.events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }
}
