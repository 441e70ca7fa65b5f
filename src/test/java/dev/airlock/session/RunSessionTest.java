package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.Decision;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run driven through the session API alone, as the console will drive it. */
class RunSessionTest {
  @TempDir Path tmp;

  @Test
  void aProgramStartsARunApprovesFromAnotherThreadAndReadsTheTranscriptTheCliWrites()
      throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunRequest request =
        f.request(
                f.script(
                    SessionFixture.code("print('hello from turn 1')"), "<done>said hello</done>"),
                ApprovalPolicy.ASK,
                MergePolicy.NEVER)
            .build();
    try (RunSession session = f.launcher.open(request, line -> {})) {
      session.subscribe(
          e -> {
            if (e instanceof RunEvent.DecisionPending p
                && p.decision() instanceof PendingApproval approval) {
              CompletableFuture.runAsync(approval::approve); // another thread answers
            }
          });
      RunOutcome outcome = session.start().get(60, TimeUnit.SECONDS);

      assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
      RunHistory history = RunHistory.read(session.transcript());
      assertThat(history.status()).isEqualTo(RunStatus.DONE);
      assertThat(history.writerAlive()).isFalse();
      assertThat(history.turns().get(0).decision().by()).isEqualTo("human:tester");
      assertThat(history.turns().get(0).execution().stdout()).isEqualTo("hello from turn 1\n");
      assertThat(history.started().approval()).isEqualTo("ask");
      assertThat(history.started().settings()).containsEntry("merge", "never");
    }
  }

  @Test
  void everyListenerSeesEveryEventInOneOrderOnTheStreamThread() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.loadOnBranch(), "<done>loaded</done>"),
                    ApprovalPolicy.AUTO,
                    MergePolicy.AUTO_IF_GREEN)
                .build());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    session.subscribe(e -> threads.add(Thread.currentThread().getName()));
    RunOutcome outcome = session.start().get(60, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
    assertThat(threads).isNotEmpty().allMatch(t -> t.equals("airlock-events-" + session.runId()));
    // Gateway calls, data changes and merges (born on other threads) arrive in the same stream.
    assertThat(f.all(RunEvent.LakehouseCall.class)).isNotEmpty();
    assertThat(f.all(RunEvent.DataChanged.class)).isNotEmpty();
    assertThat(f.all(RunEvent.MergeDecided.class))
        .singleElement()
        .matches(RunEvent.MergeDecided::approved);
    assertThat(f.events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
    assertThat(f.events.get(f.events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
    // The transcript holds the persistent events in the order the listeners saw them.
    RunHistory history = RunHistory.read(session.transcript());
    assertThat(history.turns().get(0).lakehouseCalls())
        .hasSameSizeAs(
            f.all(RunEvent.LakehouseCall.class).stream().filter(c -> c.turn() == 1).toList());
  }

  @Test
  void aListenerThatThrowsIsDetachedAndTheRunGoesOn() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print(1)"), "<done>ok</done>"),
                    ApprovalPolicy.AUTO,
                    MergePolicy.NEVER)
                .build());
    int[] calls = {0};
    session.subscribe(
        e -> {
          calls[0]++;
          throw new IllegalStateException("a broken screen");
        });
    RunOutcome outcome = session.start().get(60, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
    assertThat(calls[0]).isEqualTo(1);
    assertThat(f.all(RunEvent.Notice.class))
        .anySatisfy(n -> assertThat(n.message()).contains("detached", "a broken screen"));
    assertThat(RunHistory.read(session.transcript()).status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void aListenerThatClosesTheSessionWhenTheRunEndsDoesNotHoldUpItsOwnOutcome() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print(1)"), "<done>ok</done>"),
                    ApprovalPolicy.AUTO,
                    MergePolicy.NEVER)
                .build());
    CompletableFuture<String> afterClose = new CompletableFuture<>();
    session.subscribe(
        e -> {
          if (e instanceof RunEvent.RunFinished) {
            session.close(); // a face releasing its run when it ends
            afterClose.complete(
                "outcome done: "
                    + session.outcome().isDone()
                    + ", interrupted: "
                    + Thread.interrupted());
          }
        });
    session.start();

    // close() on the stream's thread stops and returns: it cannot wait for an outcome that
    // waits for this very listener to return.
    assertThat(afterClose.get(60, TimeUnit.SECONDS))
        .isEqualTo("outcome done: false, interrupted: false");
    assertThat(session.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void aRecordThatCannotBeClosedStillLetsTheFaceHearHowTheRunEnded() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print(1)"), "<done>ok</done>"),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    session.start();
    PendingApproval pending = (PendingApproval) f.await(RunEvent.DecisionPending.class).decision();
    // Closing the transcript will fail: its writer's lock file became a folder with a file in it.
    Path lock = session.transcript().resolveSibling(session.transcript().getFileName() + ".lock");
    Files.delete(lock);
    Files.writeString(Files.createDirectories(lock).resolve("in-the-way"), "x");
    pending.approve();

    assertThat(session.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
    assertThat(RunHistory.read(session.transcript()).status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void theEditRulesAreTheEngines() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(SessionFixture.code("print('as proposed')"), "<done>ok</done>"),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    session.start();
    PendingApproval pending = (PendingApproval) f.await(RunEvent.DecisionPending.class).decision();

    assertThatThrownBy(() -> pending.approveEdited("  \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThat(pending.isOpen()).isTrue();
    assertThat(pending.approveEdited(pending.proposal().code())).isTrue();
    assertThat(pending.answer().get()).isInstanceOf(Decision.Approve.class);
    assertThat(pending.reject("too late")).isFalse();
    assertThat(session.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void approveAndRelaxApprovesOnlyTheQuestionNamedAndRecordsTheChangeBeforeTheApproval()
      throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(
                    f.script(
                        SessionFixture.code("print(1)"),
                        SessionFixture.code("print(2)"),
                        "<done>ok</done>"),
                    ApprovalPolicy.ASK,
                    MergePolicy.NEVER)
                .build());
    session.start();
    PendingApproval pending = (PendingApproval) f.await(RunEvent.DecisionPending.class).decision();

    assertThat(session.approveAndChangePolicy("approval-2", null, ApprovalPolicy.AUTO)).isFalse();
    assertThat(session.approvalPolicy()).isEqualTo(ApprovalPolicy.ASK);
    assertThat(pending.isOpen()).isTrue();
    assertThat(session.approveAndChangePolicy(pending.id(), null, ApprovalPolicy.AUTO)).isTrue();

    assertThat(session.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
    RunHistory h = RunHistory.read(session.transcript());
    List<RunEvent> first = h.turns().get(0).events();
    RunEvent change =
        first.stream().filter(RunEvent.PolicyChanged.class::isInstance).findFirst().orElseThrow();
    assertThat(first.indexOf(change)).isLessThan(first.indexOf(h.turns().get(0).decision()));
    assertThat(h.turns().get(0).decision().by()).isEqualTo("human:tester");
    assertThat(h.turns().get(1).decision().by()).isEqualTo("policy:auto");
    assertThat(session.approveAndChangePolicy(pending.id(), null, ApprovalPolicy.RISKY)).isFalse();
  }

  @Test
  void aSessionOpenedAndClosedWithoutStartingLeavesNoTranscript() throws Exception {
    SessionFixture f = new SessionFixture(tmp);
    RunSession session =
        f.open(
            f.request(f.script("<done>x</done>"), ApprovalPolicy.AUTO, MergePolicy.NEVER).build());
    session.close();
    assertThat(Files.exists(session.transcript())).isFalse();
    // The shared lakehouse was released: it opens afresh.
    try (Lakehouses.Lease lease = Lakehouses.open(f.launcher.paths().lakehouse())) {
      assertThat(lease.lakehouse().branches(null)).isNotEmpty();
    }
  }

  @Test
  void aBadRequestNamesItsField() {
    assertThatThrownBy(() -> RunRequest.builder("scripted:x.json").maxTurns(0).build())
        .isInstanceOfSatisfying(
            RunRequest.Invalid.class,
            e -> assertThat(e.field()).isEqualTo(RunRequest.Field.MAX_TURNS))
        .hasMessageContaining("turn cap");
  }
}
