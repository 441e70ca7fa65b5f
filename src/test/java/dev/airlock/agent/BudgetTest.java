package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.airlock.model.ChatMessage;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ModelResponse;
import dev.airlock.model.TokenListener;
import dev.airlock.model.Usage;
import dev.airlock.sandbox.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget, checked before each model call: tokens, dollars and time (on a clock the model
 * moves), the supervisor's extension or stop, the person's seat and a stop while it waits.
 */
class BudgetTest {
  private Sandbox sandbox;
  private final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final MovingClock clock = new MovingClock();

  @BeforeEach
  void openSandbox() throws Exception {
    sandbox = Sandboxes.open();
  }

  @AfterEach
  void closeSandbox() {
    sandbox.close();
  }

  /** A clock that stands still until the test (or the model) moves it. */
  static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /**
   * A model that proposes code on every turn, reporting {@code usage} and {@code cost} each time
   * and taking {@code takes} on the clock.
   */
  private final class CountingModel implements ModelClient {
    final Usage usage;
    final Double cost;
    final Duration takes;
    int calls;

    CountingModel(Usage usage, Double cost, Duration takes) {
      this.usage = usage;
      this.cost = cost;
      this.takes = takes;
    }

    @Override
    public synchronized ModelResponse complete(List<ChatMessage> messages, TokenListener tokens) {
      calls++;
      clock.advance(takes);
      return new ModelResponse(
          "<reasoning>step " + calls + "</reasoning><code>print(" + calls + ")</code>",
          usage,
          cost,
          "stop",
          Duration.ofMillis(5),
          1);
    }

    @Override
    public String id() {
      return "counting";
    }
  }

  /** Rejects every proposal (nothing runs; the model is asked again) and answers budgets. */
  private static final class Rejecting implements Supervisor {
    final Deque<BudgetVerdict> answers = new ArrayDeque<>();
    final List<BudgetReport> asked = new ArrayList<>();

    @Override
    public Decision review(Proposal proposal) {
      return new Decision.Reject("policy:test", "not yet");
    }

    @Override
    public String policy() {
      return "test";
    }

    @Override
    public BudgetVerdict reviewBudget(BudgetReport report) {
      asked.add(report);
      BudgetVerdict next = answers.poll();
      return next != null ? next : Supervisor.super.reviewBudget(report);
    }
  }

  private AgentRun run(ModelClient model, Supervisor supervisor, Budget budget) {
    RunConfig config = RunConfig.defaults("budget").withMaxTurns(8).withBudget(budget);
    return new AgentRun(
        config,
        Conversation.opening(List.of(ChatMessage.system("rules"), ChatMessage.user("task"))),
        "me.budget",
        model,
        sandbox,
        supervisor,
        TurnHooks.NONE,
        events::add,
        clock);
  }

  private RunOutcome go(AgentRun run) {
    return run.run(
        new RunEvent.RunStarted(
            0,
            clock.instant(),
            RunEvent.FORMAT,
            "budget",
            "counting",
            "bwrap",
            true,
            "test",
            8,
            null,
            "me.budget",
            null,
            Map.of()));
  }

  private <T extends RunEvent> List<T> all(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  @Test
  void withNobodyToExtendItTheRunStopsBeforeTheModelCallThatWouldExceedTheTokenBudget() {
    CountingModel model = new CountingModel(new Usage(600, 100), null, Duration.ofSeconds(1));

    RunOutcome outcome = go(run(model, new Rejecting(), new Budget(1000L, null, null)));

    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(model.calls).as("the third call is never made").isEqualTo(2);
    assertThat(outcome.reason())
        .contains("1,400 of 1,000 tokens", "nobody is there to extend it (approval policy test)");
    RunEvent.BudgetReached reached = all(RunEvent.BudgetReached.class).get(0);
    assertThat(reached.turn()).isEqualTo(2);
    assertThat(reached.limits()).containsExactly("tokens");
    assertThat(reached.used().tokens()).isEqualTo(1400);
    assertThat(reached.limit().tokens()).isEqualTo(1000);
    RunEvent.BudgetDecided decided = all(RunEvent.BudgetDecided.class).get(0);
    assertThat(decided.verdict()).isEqualTo("stop");
    assertThat(decided.by()).isEqualTo("policy:test");
    RunEvent last = events.get(events.size() - 1);
    assertThat(((RunEvent.RunFinished) last).status()).isEqualTo(RunStatus.BUDGET);
  }

  @Test
  void tokenCountsThatWouldWrapOrGoNegativeStillReachTheBudget() {
    // A provider reporting absurd counts: their sum wraps to a negative number in a long.
    CountingModel huge =
        new CountingModel(new Usage(Long.MAX_VALUE, Long.MAX_VALUE), null, Duration.ofSeconds(1));
    RunOutcome outcome = go(run(huge, new Rejecting(), new Budget(1000L, null, null)));
    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(huge.calls).as("stopped after the first call").isEqualTo(1);
    // A negative count does not pay back what earlier calls used.
    assertThat(new Usage(600, 100).plus(new Usage(-5_000, 0)).totalTokens()).isEqualTo(700);
  }

  @Test
  void anExtensionLetsTheRunGoOnUntilTheNewLimitAndTheSuggestionLeavesRoomForATurn() {
    CountingModel model = new CountingModel(new Usage(600, 100), null, Duration.ofSeconds(1));
    Rejecting supervisor = new Rejecting();
    supervisor.answers.add(new BudgetVerdict.Extend("human:test", new Budget(2000L, null, null)));

    RunOutcome outcome = go(run(model, supervisor, new Budget(1000L, null, null)));

    assertThat(supervisor.asked.get(0).suggested().tokens())
        .as("1,400 after 2 turns: room for 700 more, in thousands")
        .isEqualTo(3000L);
    assertThat(model.calls).isEqualTo(3);
    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(outcome.reason()).contains("2,100 of 2,000 tokens");
    assertThat(all(RunEvent.BudgetDecided.class))
        .extracting(RunEvent.BudgetDecided::verdict)
        .containsExactly("extend", "stop");
    assertThat(all(RunEvent.BudgetDecided.class).get(0).limit().tokens()).isEqualTo(2000L);
  }

  @Test
  void theTimeBudgetIsWallTimeSinceTheRunStartedOnTheRunsClock() {
    CountingModel model = new CountingModel(new Usage(1, 1), null, Duration.ofMinutes(4));

    RunOutcome outcome =
        go(run(model, new Rejecting(), new Budget(null, null, Duration.ofMinutes(10))));

    assertThat(model.calls).as("4, 8, then 12 minutes: over after the third").isEqualTo(3);
    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(outcome.reason()).contains("12 min of 10 min");
    assertThat(all(RunEvent.BudgetReached.class).get(0).limits()).containsExactly("time");
  }

  @Test
  void theDollarBudgetCountsTheCostOfEachResponse() {
    CountingModel model = new CountingModel(new Usage(10, 10), 0.01, Duration.ofSeconds(1));
    Rejecting supervisor = new Rejecting();

    RunOutcome outcome = go(run(model, supervisor, new Budget(null, 0.025, null)));

    assertThat(model.calls).isEqualTo(3);
    assertThat(outcome.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(outcome.reason()).contains("$0.0300 of $0.0250");
    assertThat(supervisor.asked.get(0).suggested().usd()).isCloseTo(0.05, offset(1e-9));
  }

  @Test
  void atTheSeatAnExtensionBelowWhatWasUsedIsRefusedAndAStopWithdrawsTheQuestion()
      throws Exception {
    CountingModel model = new CountingModel(new Usage(600, 100), null, Duration.ofSeconds(1));
    AtomicReference<AgentRun> run = new AtomicReference<>();
    CompletableFuture<PendingBudget> asked = new CompletableFuture<>();
    HumanSeat seat =
        new HumanSeat(
            "human:test",
            e -> {
              events.add(e);
              if (e instanceof RunEvent.DecisionPending p
                  && p.decision() instanceof PendingBudget b) {
                asked.complete(b);
              }
            },
            clock);
    Supervisor supervisor =
        new Supervisor() {
          @Override
          public Decision review(Proposal proposal) {
            return new Decision.Reject("policy:test", "not yet");
          }

          @Override
          public String policy() {
            return "ask";
          }

          @Override
          public BudgetVerdict reviewBudget(BudgetReport report) {
            return seat.reviewBudget(report);
          }
        };
    run.set(run(model, supervisor, new Budget(1000L, null, null)));
    CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> go(run.get()));

    PendingBudget pending = asked.get();
    assertThat(pending.report().describe()).isEqualTo("1,400 of 1,000 tokens");
    assertThat(seat.pending()).containsExactly(pending);
    assertThatThrownBy(() -> pending.extend(new Budget(1200L, null, null)))
        .hasMessageContaining("1,200 tokens is not above what the run already used");
    assertThat(pending.isOpen()).isTrue();
    run.get().stop("stopped at the budget question", () -> seat.withdrawAll("stopped"));

    assertThat(outcome.get().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(pending.withdrawn()).isTrue();
    assertThat(all(RunEvent.DecisionWithdrawn.class))
        .extracting(RunEvent.DecisionWithdrawn::kind)
        .containsExactly("budget");
    assertThat(all(RunEvent.BudgetDecided.class)).as("a withdrawal is not a decision").isEmpty();
    assertThat(model.calls).isEqualTo(2);
  }
}
