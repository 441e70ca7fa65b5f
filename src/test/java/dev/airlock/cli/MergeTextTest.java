package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.RunEvent;
import dev.airlock.model.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal gate and the replay say where the audit spent its time, when it is known. */
class MergeTextTest {
  private static final List<RunEvent.TableChange> CHANGES =
      List.of(
          new RunEvent.TableChange("bauplan.payments", "added", null, 7L, List.of()),
          new RunEvent.TableChange("bauplan.fees", "changed", 2L, 3L, List.of()));
  private static final MergeEvidence.AuditTime TIME =
      new MergeEvidence.AuditTime(
          1_240L,
          List.of(
              new MergeEvidence.TableTime("bauplan.merchants", 95L, null),
              new MergeEvidence.TableTime("bauplan.payments", 400L, 20L),
              new MergeEvidence.TableTime("bauplan.fees", 130L, 9L)));

  private static MergeEvidence evidence(MergeEvidence.AuditTime time) {
    return new MergeEvidence(
        "b", "main", CHANGES, null, List.of(), Usage.NONE, null, List.of(), time);
  }

  private static RunEvent.MergeRequested requested(MergeEvidence.AuditTime time) {
    return new RunEvent.MergeRequested(
        1,
        Instant.parse("2026-11-28T05:00:00Z"),
        "b",
        "c1",
        "main",
        "c0",
        CHANGES,
        "auto-if-green",
        null,
        null,
        List.of(),
        Usage.NONE,
        null,
        List.of(),
        time);
  }

  @Test
  void theGateShowsEachTablesFigureBesideItAndTheTotal() {
    String text = MergeText.request("b", "c1", "main", "c0", evidence(TIME));

    assertThat(text)
        .contains("  added bauplan.payments: rows - -> 7 · checked in 420 ms\n")
        .contains("  changed bauplan.fees: rows 2 -> 3 · checked in 139 ms\n")
        .contains("  also checked (unchanged): bauplan.merchants 95 ms\n")
        .contains("  checks: none could run · checked in 1.2 s\n");
  }

  @Test
  void theReplayShowsThemAndATranscriptWithoutThemShowsNoFigure() {
    assertThat(MergeText.replay(requested(TIME)))
        .contains("  added bauplan.payments: rows - -> 7 · checked in 420 ms\n")
        .contains("also checked (unchanged): bauplan.merchants 95 ms");

    String older = MergeText.replay(requested(null));
    assertThat(older).contains("  added bauplan.payments: rows - -> 7\n");
    assertThat(older).doesNotContain("checked in").doesNotContain("also checked");
  }
}
