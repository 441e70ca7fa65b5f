package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fork planner. The conversation is checked against a real run (scripted model, real sandbox):
 * forking after turn N of a transcript cut after N must rebuild exactly the messages the model was
 * sent in turn N+1.
 */
class RunForkTest {
  private static final Instant AT = Instant.parse("2026-11-28T03:00:00Z");
  private static final int BUDGET = 200;
  private static final List<ChatMessage> OPENING =
      List.of(ChatMessage.system("rules"), ChatMessage.user("load the payments"));

  /** Turns: 1 runs, 2 runs as edited and fails, 3 is rejected, 4 is a format error, 5 done. */
  private static final List<RunEvent> RECORDED = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void recordARun() throws Exception {
    Deque<Decision> decisions =
        new ArrayDeque<>(
            List.of(
                new Decision.Approve("policy:auto"),
                new Decision.ApproveEdited(
                    "human:ann", "import sys\nprint('edited by ann')\nsys.exit(3)\n"),
                new Decision.Reject("human:ann", "use the id column")));
    Supervisor supervisor =
        new Supervisor() {
          @Override
          public Decision review(Proposal proposal) {
            return decisions.pop();
          }

          @Override
          public String policy() {
            return "ask";
          }
        };
    try (Sandbox sandbox = Sandboxes.open()) {
      AgentRun run =
          new AgentRun(
              new RunConfig("src", 8, 2, Duration.ofSeconds(60), BUDGET, Map.of()),
              Conversation.opening(OPENING),
              "ann.src",
              new ScriptedModel(
                  "test",
                  List.of(
                      code("print('x' * 1000)"),
                      code("print('proposed')"),
                      code("print('to main')"),
                      "I would load the data now.",
                      "<done>loaded</done>")),
              sandbox,
              supervisor,
              TurnHooks.NONE,
              RECORDED::add,
              Clock.systemUTC());
      run.run(started(Map.of("output_budget", String.valueOf(BUDGET))));
    }
    assertThat(requests(RECORDED)).as("five turns recorded").hasSize(5);
  }

  @AfterAll
  static void forget() {
    RECORDED.clear();
  }

  @Test
  void forkingAfterTheLastTurnOfATranscriptRebuildsWhatTheModelWasToldNext() {
    List<RunEvent.ModelRequested> sent = requests(RECORDED);
    for (int turn = 1; turn <= 4; turn++) {
      RunHistory cut = RunHistory.fold(upTo(turn));

      RunFork.Plan plan = RunFork.plan(cut, turn);

      assertThat(plan.messages())
          .as("the conversation after turn %d, rebuilt from the transcript", turn)
          .isEqualTo(sent.get(turn).messages());
    }
  }

  @Test
  void theRebuiltConversationTellsTheModelWhatHappenedInThatTurn() {
    assertThat(lastMessage(RunFork.plan(RunHistory.fold(upTo(1)), 1)))
        .as("an execution: its observation, stdout cut to the recorded budget")
        .contains(
            "<observation>", "status: success (exit code 0)", "characters cut from the middle");
    assertThat(lastMessage(RunFork.plan(RunHistory.fold(upTo(2)), 2)))
        .as("an edited execution: the diff, then what ran")
        .contains("The supervisor edited your code", "+print('edited by ann')", "exit code 3");
    assertThat(lastMessage(RunFork.plan(RunHistory.fold(upTo(3)), 3)))
        .as("a rejection: the supervisor's feedback")
        .contains("REJECTED", "use the id column");
    assertThat(lastMessage(RunFork.plan(RunHistory.fold(upTo(4)), 4)))
        .as("a format error: what was wrong")
        .contains("could not be used", "Format error 1 of 2");
  }

  @Test
  void forkingAfterAnEarlierTurnUsesTheRecordedRequest() {
    RunHistory whole = RunHistory.fold(RECORDED);

    assertThat(RunFork.plan(whole, 0).messages()).isEqualTo(OPENING);
    assertThat(RunFork.plan(whole, 2).messages()).isEqualTo(requests(RECORDED).get(2).messages());
    assertThat(RunFork.plan(whole, 2).sourceRunId()).isEqualTo("src");
    assertThat(RunFork.plan(whole, 2).turn()).isEqualTo(2);
  }

  @Test
  void aTurnThatEndedWithoutRunningCodeCannotBeForkedAfter() {
    RunHistory whole = RunHistory.fold(RECORDED);

    assertThatThrownBy(() -> RunFork.plan(whole, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "turn 5 ended without running code (it claimed done or was stopped): fork after an"
                + " earlier turn");
  }

  @Test
  void aTurnWithoutAModelResponseCannotBeForkedAfter() {
    RunHistory stopped =
        RunHistory.fold(
            List.of(started(Map.of()), new RunEvent.ModelRequested(1, AT, "test", OPENING)));

    assertThatThrownBy(() -> RunFork.plan(stopped, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("turn 1 of run src never got a model response: fork after an earlier turn");
  }

  @Test
  void aRunThatNeverAskedTheModelHasNothingToFork() {
    RunHistory empty = RunHistory.fold(List.of(started(Map.of())));

    assertThatThrownBy(() -> RunFork.plan(empty, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run src recorded no request to the model")
        .hasMessageContaining("start a new run");
  }

  @Test
  void aTurnOutsideTheRunIsRefusedNamingTheTurnsThereAre() {
    RunHistory whole = RunHistory.fold(RECORDED);

    for (int turn : new int[] {-1, 6}) {
      assertThatThrownBy(() -> RunFork.plan(whole, turn))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "run src has turns 1 to 5; fork after one of them (or after 0 to restart from the"
                  + " task)");
    }
  }

  @Test
  void theBranchHeadsAreThoseRecordedAfterTheTurnAndMainIsNotOne() {
    List<RunEvent> events = new ArrayList<>();
    events.add(started(Map.of()));
    events.add(new RunEvent.ModelRequested(1, AT, "test", OPENING));
    events.add(new RunEvent.ModelRequested(2, AT, "test", OPENING));
    events.add(
        new RunEvent.DataEffects(
            1,
            AT,
            List.of(
                new RunEvent.BranchEffect("ann.b", "b0", "b1", List.of("bauplan.t"), 3, 1),
                new RunEvent.BranchEffect("main", "m0", "m1", List.of("bauplan.t"), 3, 1))));
    events.add(
        new RunEvent.DataEffects(
            2,
            AT,
            List.of(
                new RunEvent.BranchEffect("ann.c", "c0", "c1", List.of("bauplan.u"), 1, 1),
                new RunEvent.BranchEffect("ann.b", "b1", "b2", List.of("bauplan.t"), 2, 1))));
    events.add(new RunEvent.ModelRequested(3, AT, "test", OPENING));
    RunHistory history = RunHistory.fold(events);

    assertThat(RunFork.plan(history, 0).branchHeads()).isEmpty();
    assertThat(RunFork.plan(history, 1).branchHeads()).containsExactly(Map.entry("ann.b", "b1"));
    assertThat(RunFork.plan(history, 2).branchHeads())
        .containsExactly(Map.entry("ann.b", "b2"), Map.entry("ann.c", "c1"));
  }

  @Test
  void parseSpecSplitsAtTheLastAt() {
    assertThat(RunFork.parseSpec("20261128-0300-ab12@3"))
        .isEqualTo(Map.entry("20261128-0300-ab12", 3));
    assertThat(RunFork.parseSpec("odd@name@0")).isEqualTo(Map.entry("odd@name", 0));
  }

  @Test
  void parseSpecRefusesWhatIsNotRunIdAtTurn() {
    for (String bad : new String[] {null, "", "run-1", "@3", "run-1@"}) {
      assertThatThrownBy(() -> RunFork.parseSpec(bad))
          .as("spec %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "a fork point is RUN_ID@TURN (a run id from `airlock runs`), not '" + bad + "'");
    }
    assertThatThrownBy(() -> RunFork.parseSpec("run-1@three"))
        .hasMessage("fork point run-1@three: the turn after @ must be a number");
  }

  @Test
  void theForkNoteTellsTheModelWhereItContinuesAndTheNewBranchNames() {
    RunFork.Plan plan = new RunFork.Plan("src", 2, OPENING, Map.of(), started(Map.of()));
    Map<String, String> renamed = new LinkedHashMap<>();
    renamed.put("ann.b", "ann.b_fork1");
    renamed.put("ann.c", "ann.c_fork1");

    List<ChatMessage> messages = RunFork.withForkNote(plan, renamed);

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).isEqualTo(OPENING.get(0));
    assertThat(messages.get(1))
        .isEqualTo(
            ChatMessage.user(
                "load the payments\n\n[Airlock] This conversation continues run src after its"
                    + " turn 2 in a new run; nothing after that turn happened here. The data"
                    + " branches you wrote are available at their state after that turn under"
                    + " new names; use the new names from now on:\n"
                    + "- ann.b is now ann.b_fork1\n"
                    + "- ann.c is now ann.c_fork1"));
    assertThat(plan.messages()).as("the plan itself is unchanged").isEqualTo(OPENING);
  }

  @Test
  void withoutRenamedBranchesTheNoteSaysOnlyWhereItContinues() {
    List<ChatMessage> endsWithTheModel =
        List.of(ChatMessage.user("task"), ChatMessage.assistant("<done>ok</done>"));
    RunFork.Plan plan = new RunFork.Plan("src", 1, endsWithTheModel, Map.of(), started(Map.of()));

    List<ChatMessage> messages = RunFork.withForkNote(plan, Map.of());

    assertThat(messages)
        .containsExactly(
            ChatMessage.user("task"),
            ChatMessage.assistant("<done>ok</done>"),
            ChatMessage.user(
                "[Airlock] This conversation continues run src after its turn 1 in a new run;"
                    + " nothing after that turn happened here."));
  }

  private static String code(String python) {
    return "<reasoning>step</reasoning>\n<code>\n" + python + "\n</code>";
  }

  private static RunEvent.RunStarted started(Map<String, String> settings) {
    return new RunEvent.RunStarted(
        0,
        AT,
        RunEvent.FORMAT,
        "src",
        "scripted",
        "bwrap",
        true,
        "ask",
        8,
        null,
        "ann.src",
        null,
        settings);
  }

  /** The transcript as it stood when turn {@code turn} ended. */
  private static List<RunEvent> upTo(int turn) {
    synchronized (RECORDED) {
      return RECORDED.stream()
          .filter(e -> !(e instanceof RunEvent.RunFinished) && e.turn() <= turn)
          .toList();
    }
  }

  private static List<RunEvent.ModelRequested> requests(List<RunEvent> events) {
    synchronized (events) {
      return events.stream()
          .filter(RunEvent.ModelRequested.class::isInstance)
          .map(RunEvent.ModelRequested.class::cast)
          .toList();
    }
  }

  private static String lastMessage(RunFork.Plan plan) {
    return plan.messages().get(plan.messages().size() - 1).content();
  }
}
