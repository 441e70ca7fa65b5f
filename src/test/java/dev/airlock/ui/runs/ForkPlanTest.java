package dev.airlock.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.model.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fork plan of a recorded run: the launcher finds the source by its id, so the id is plain. */
class ForkPlanTest {
  private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

  private static RunHistory run(String runId) {
    return RunHistory.fold(
        List.of(
            new RunEvent.RunStarted(
                0, AT, "1", runId, "demo", "bwrap", true, "ask", 8, null, null, null, Map.of()),
            new RunEvent.ModelRequested(1, AT, "demo", List.of(ChatMessage.user("the task")))));
  }

  @Test
  void aPlainRunIdForksFromTheTask() {
    ForkPlan plan = ForkPlan.of(run("20261128-090000-ab12"), 0);
    assertThat(plan.problem()).isNull();
    assertThat(plan.spec()).isEqualTo("20261128-090000-ab12@0");
  }

  @Test
  void aRunIdThatIsAPathIsNoForkPoint() {
    // A transcript can name any run id: the launcher would resolve it against the runs folder (or
    // the working folder), so the fork would read a transcript outside the runs folder.
    for (String id :
        List.of("../../elsewhere/20261128-090000-ab12", "/tmp/evil", "a/b", "..", ".hidden")) {
      ForkPlan plan = ForkPlan.of(run(id), 0);
      assertThat(plan.problem()).as(id).contains("is not one Airlock makes");
    }
    assertThat(ForkPlan.of(run("x\u202e/../y"), 0).problem()).contains("<U+202E>");
  }
}
