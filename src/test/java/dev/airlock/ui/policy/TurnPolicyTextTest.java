package dev.airlock.ui.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.Decision;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The turn header names who decided the turn and how its policy changed. */
class TurnPolicyTextTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void aRuleOrAPersonAndThePolicyChangeAreNamedOnTheTurn() {
    RunProjection run = new RunProjection();
    run.apply(new RunEvent.PolicyChanged(1, T, "ask", "auto", "human:alice"));
    run.apply(decided(1, "human:alice"));
    run.apply(decided(2, "rule:safe-code"));

    assertThat(TurnPolicyText.of(run.turn(1)))
        .isEqualTo("approved by human:alice  ·  approval ask → auto (human:alice)");
    assertThat(TurnPolicyText.of(run.turn(2))).isEqualTo("approved by rule:safe-code");
    assertThat(run.approval()).isEqualTo("auto");
  }

  @Test
  void aNameFromTheTranscriptShowsItsHiddenCharacters() {
    RunProjection run = new RunProjection();
    run.apply(decided(1, "rule:a\u202Eb"));
    assertThat(TurnPolicyText.of(run.turn(1))).doesNotContain("\u202E").contains("U+202E");
  }

  private static RunEvent.Decided decided(int turn, String by) {
    return new RunEvent.Decided(
        turn, T, Decision.Verdict.APPROVE, by, "print(1)\n", "print(1)\n", "ab", null, null);
  }
}
