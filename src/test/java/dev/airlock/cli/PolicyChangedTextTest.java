package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.RunEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay and the live log say a policy change and the rules file in use, in the same words. */
class PolicyChangedTextTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void aPolicyChangeReadsAsWhoRelaxedWhatFromWhen() {
    assertThat(TurnText.part(new RunEvent.PolicyChanged(1, T, "ask", "auto", "human:alice")))
        .isEqualTo("⇄ approval policy ask → auto by human:alice, from the next decision on");
  }

  @Test
  void theStartNamesTheRulesFileInUse() {
    RunEvent.RunStarted started =
        new RunEvent.RunStarted(
            0,
            T,
            RunEvent.FORMAT,
            "r1",
            "scripted:s.json",
            "bwrap",
            true,
            "ask",
            8,
            null,
            "b",
            null,
            Map.of(PolicyRules.SETTING, "/p/.airlock/policy.yaml (2 rules)"));
    assertThat(TurnText.header(started))
        .contains("policy rules: /p/.airlock/policy.yaml (2 rules)");
  }
}
