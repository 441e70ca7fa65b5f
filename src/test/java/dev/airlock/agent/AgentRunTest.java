package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.model.ChatMessage;
import dev.airlock.model.ScriptedModel;
import dev.airlock.sandbox.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop with the scripted model and the real bubblewrap sandbox. */
class AgentRunTest {
  private Sandbox sandbox;
  private final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void openSandbox() throws Exception {
    sandbox = Sandboxes.open();
  }

  @AfterEach
  void closeSandbox() {
    sandbox.close();
  }

  private static String code(String python) {
    return "<reasoning>step</reasoning>\n<code>\n" + python + "\n</code>";
  }

  private AgentRun run(List<String> script, Supervisor supervisor, int maxTurns) {
    return run(script, supervisor, TurnHooks.NONE, maxTurns);
  }

  private AgentRun run(List<String> script, Supervisor supervisor, TurnHooks hooks, int maxTurns) {
    RunConfig config =
        RunConfig.defaults("test").withMaxTurns(maxTurns).withExecTimeout(Duration.ofSeconds(60));
    Conversation opening =
        Conversation.opening(List.of(ChatMessage.system("rules"), ChatMessage.user("task")));
    return new AgentRun(
        config,
        opening,
        "me.test",
        new ScriptedModel("test", script),
        sandbox,
        supervisor,
        hooks,
        events::add,
        Clock.systemUTC());
  }

  private RunOutcome go(AgentRun run) {
    return run.run(
        new RunEvent.RunStarted(
            0,
            Instant.now(),
            RunEvent.FORMAT,
            "test",
            "scripted",
            "bwrap",
            true,
            "auto",
            8,
            null,
            "me.test",
            null,
            Map.of()));
  }

  private <T extends RunEvent> List<T> all(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @Test
  void aTurnOneErrorIsFixedInTurnTwoAndTheRunEndsDone() {
    RunOutcome outcome =
        go(
            run(
                List.of(
                    code("import json\nprint(json.load(open('state.json'))['rows'])"),
                    code(
                        "import json\njson.dump({'rows': 42}, open('state.json', 'w'))\nprint(json.load(open('state.json'))['rows'])"),
                    "<reasoning>printed 42</reasoning><done>state.json holds 42 rows</done>"),
                new AutoApprove(),
                8));

    assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
    assertThat(outcome.turns()).isEqualTo(3);
    assertThat(outcome.summary()).isEqualTo("state.json holds 42 rows");
    List<RunEvent.ExecutionFinished> runs = all(RunEvent.ExecutionFinished.class);
    assertThat(runs.get(0).status()).isEqualTo("ERROR");
    assertThat(runs.get(0).stderr()).contains("FileNotFoundError");
    assertThat(runs.get(1).status()).isEqualTo("OK");
    assertThat(runs.get(1).stdout()).isEqualTo("42\n");
    List<ChatMessage> turn2 = all(RunEvent.ModelRequested.class).get(1).messages();
    assertThat(turn2.get(turn2.size() - 1).content())
        .contains("status: failed", "FileNotFoundError", "state.json");
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
  }

  @Test
  void eachRequestIsThePreviousOnePlusTheAnswerAndWhatTheModelWasTold() {
    go(
        run(
            List.of(code("print('a')"), code("print('b')"), "<done>ok</done>"),
            new AutoApprove(),
            8));
    List<RunEvent.ModelRequested> requests = all(RunEvent.ModelRequested.class);
    List<RunEvent.ModelResponded> responses = all(RunEvent.ModelResponded.class);
    for (int i = 1; i < requests.size(); i++) {
      List<ChatMessage> before = requests.get(i - 1).messages();
      List<ChatMessage> after = requests.get(i).messages();
      assertThat(after.subList(0, before.size())).isEqualTo(before);
      assertThat(after.get(before.size()))
          .isEqualTo(ChatMessage.assistant(responses.get(i - 1).raw()));
      assertThat(after).hasSize(before.size() + 2);
    }
  }

  @Test
  void anEditedProposalRunsAsEditedAndTheModelGetsTheDiff() {
    Supervisor editor =
        scripted(new Decision.ApproveEdited("human:ann", "print('edited by ann')\n"));
    go(run(List.of(code("print('proposed')"), "<done>ok</done>"), editor, 8));

    RunEvent.Decided decided = all(RunEvent.Decided.class).get(0);
    assertThat(decided.executedCode()).isEqualTo("print('edited by ann')\n");
    assertThat(decided.executedSha256()).isEqualTo(Hashes.sha256("print('edited by ann')\n"));
    assertThat(all(RunEvent.ExecutionStarted.class).get(0).codeSha256())
        .isEqualTo(decided.executedSha256());
    assertThat(all(RunEvent.ExecutionFinished.class).get(0).stdout()).isEqualTo("edited by ann\n");
    String told = last(all(RunEvent.ModelRequested.class).get(1).messages());
    assertThat(told)
        .contains(
            "edited your code", "-print('proposed')", "+print('edited by ann')", "edited by ann\n");
  }

  @Test
  void aRejectedProposalDoesNotRunAndTheModelGetsTheFeedback() {
    Supervisor rejecter =
        scripted(new Decision.Reject("human:ann", "write to the branch, not main"));
    go(
        run(
            List.of(code("print('to main')"), code("print('to branch')"), "<done>ok</done>"),
            rejecter,
            8));

    assertThat(all(RunEvent.ExecutionFinished.class))
        .singleElement()
        .satisfies(f -> assertThat(f.stdout()).isEqualTo("to branch\n"));
    assertThat(all(RunEvent.ExecutionStarted.class))
        .singleElement()
        .satisfies(s -> assertThat(s.turn()).isEqualTo(2));
    String told = last(all(RunEvent.ModelRequested.class).get(1).messages());
    assertThat(told).contains("REJECTED", "did not run", "write to the branch, not main");
  }

  @Test
  void aModelThatNeverSaysDoneEndsAfterExactlyTheTurnCap() {
    List<String> forever = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      forever.add(code("print(" + i + ")"));
    }
    RunOutcome outcome = go(run(forever, new AutoApprove(), 3));
    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.turns()).isEqualTo(3);
    assertThat(outcome.reason()).contains("turn cap of 3");
    assertThat(all(RunEvent.ModelRequested.class)).hasSize(3);
    assertThat(all(RunEvent.ExecutionFinished.class)).hasSize(3);
  }

  @Test
  void twoFormatErrorsInARowFailTheRunWithTheReason() {
    RunOutcome outcome =
        go(
            run(
                List.of("I think we should load the data.", "```python\nprint(1)\n```"),
                new AutoApprove(),
                8));
    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.reason())
        .contains("2 format errors in a row", "code fence but no <code> block");
    assertThat(last(all(RunEvent.ModelRequested.class).get(1).messages()))
        .contains("neither a <code> block");
  }

  @Test
  void aFormatErrorFollowedByAGoodAnswerGoesOn() {
    RunOutcome outcome =
        go(run(List.of("no tags", code("print('fine')"), "<done>ok</done>"), new AutoApprove(), 8));
    assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void codeWithDoneRunsFirstAndDoneIsAcceptedOnlyAfterTheOutput() {
    RunOutcome outcome =
        go(
            run(
                List.of(
                    code("print('checked')") + "<done>all good</done>", "<done>all good</done>"),
                new AutoApprove(),
                8));
    assertThat(outcome.status()).isEqualTo(RunStatus.DONE);
    assertThat(outcome.turns()).isEqualTo(2);
    assertThat(last(all(RunEvent.ModelRequested.class).get(1).messages()))
        .contains("checked", "Done is accepted only after you have seen the output");
  }

  @Test
  void stopDuringExecutionKillsTheCodeAndEndsTheRun() throws Exception {
    AgentRun run =
        run(
            List.of(
                code("import time\nprint('started', flush=True)\ntime.sleep(60)"),
                "<done>x</done>"),
            new AutoApprove(),
            8);
    CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> go(run));
    while (all(RunEvent.OutputChunk.class).isEmpty() && !outcome.isDone()) {
      Thread.sleep(20);
    }
    run.stop("the supervisor pressed stop");
    RunOutcome ended = outcome.get(30, TimeUnit.SECONDS);
    assertThat(ended.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(ended.reason()).isEqualTo("the supervisor pressed stop");
    assertThat(all(RunEvent.ExecutionFinished.class))
        .singleElement()
        .satisfies(f -> assertThat(f.status()).isEqualTo("CANCELLED"));
    assertThat(all(RunEvent.ModelRequested.class)).hasSize(1);
  }

  @Test
  void aStopDecisionEndsTheRunWithoutRunningAnything() {
    RunOutcome outcome =
        go(
            run(
                List.of(code("print('x')")),
                scripted(new Decision.Stop("human:ann", "not today")),
                8));
    assertThat(outcome.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(outcome.reason()).isEqualTo("not today");
    assertThat(all(RunEvent.ExecutionStarted.class)).isEmpty();
  }

  @Test
  void askingTheScriptedModelPastItsEndFailsTheRunClearly() {
    RunOutcome outcome = go(run(List.of(code("print(1)")), new AutoApprove(), 8));
    assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.reason()).contains("1");
    assertThat(outcome.failure()).isEqualTo(RunOutcome.Failure.AGENT);
  }

  @Test
  void stopEndsAWaitForAReviewThatNeverComes() throws Exception {
    Unanswered never = new Unanswered();
    Supervisor silent =
        new Supervisor() {
          @Override
          public Decision review(Proposal proposal) {
            never.block();
            return new Decision.Approve("human:ann");
          }

          @Override
          public String policy() {
            return "ask";
          }
        };
    try {
      AgentRun run = run(List.of(code("print('never runs')")), silent, TurnHooks.NONE, 8);
      CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> go(run));
      never.awaitBlocked();
      run.stop("stop during the review");
      RunOutcome ended = outcome.get(30, TimeUnit.SECONDS);
      assertThat(ended.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(ended.reason()).isEqualTo("stop during the review");
      assertThat(all(RunEvent.ExecutionStarted.class)).isEmpty();
    } finally {
      never.release();
    }
  }

  @Test
  void stopEndsAPublishStepThatNeverReturns() throws Exception {
    Unanswered never = new Unanswered();
    TurnHooks publishing =
        new TurnHooks() {
          @Override
          public String onDoneClaimed(int turn) {
            never.block();
            return null;
          }
        };
    try {
      AgentRun run =
          run(List.of(code("print(1)"), "<done>printed</done>"), new AutoApprove(), publishing, 8);
      CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> go(run));
      never.awaitBlocked();
      run.stop("stop during publishing");
      RunOutcome ended = outcome.get(30, TimeUnit.SECONDS);
      assertThat(ended.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(ended.reason()).isEqualTo("stop during publishing");
    } finally {
      never.release();
    }
  }

  /** A wait nobody ends but the test (a terminal prompt, a review that never comes). */
  private static final class Unanswered {
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void block() {
      blocked.countDown();
      while (released.getCount() > 0) {
        try {
          released.await();
        } catch (InterruptedException ignored) {
          // deaf to interrupts, as a blocking read can be
        }
      }
    }

    void awaitBlocked() throws InterruptedException {
      assertThat(blocked.await(30, TimeUnit.SECONDS)).as("the wait began").isTrue();
    }

    void release() {
      released.countDown();
    }
  }

  private static String last(List<ChatMessage> messages) {
    return messages.get(messages.size() - 1).content();
  }

  /** Stands in for the human at the keyboard: answers the first proposal, approves the rest. */
  private static Supervisor scripted(Decision first) {
    Deque<Decision> answers = new ArrayDeque<>(List.of(first));
    return new Supervisor() {
      @Override
      public synchronized Decision review(Proposal proposal) {
        return answers.isEmpty() ? new Decision.Approve("human:ann") : answers.pop();
      }

      @Override
      public String policy() {
        return "ask";
      }
    };
  }
}
