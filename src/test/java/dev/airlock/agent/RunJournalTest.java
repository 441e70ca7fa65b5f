package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.airlock.agent.MergeEvidence.Provenance;
import dev.airlock.model.Usage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the run's journal remembers from the events for the gates. */
class RunJournalTest {
  private static final Instant AT = Instant.parse("2026-11-28T03:00:00Z");
  private final RunJournal journal = new RunJournal();

  @Test
  void provenanceNamesTheLastTurnThatWroteEachTableOnThatBranchAndWhoApprovedItHow() {
    decided(1, Decision.Verdict.APPROVE, "policy:auto", "sha-1");
    wrote(1, "b", "bauplan.payments");
    wrote(1, "b", "bauplan.merchants");
    decided(2, Decision.Verdict.APPROVE_EDITED, "human:alice", "sha-2");
    wrote(2, "b", "bauplan.payments");
    decided(3, Decision.Verdict.APPROVE, "human:bob", "sha-3");
    wrote(3, "other", "bauplan.merchants");

    List<Provenance> provenance =
        journal.provenance("b", List.of("bauplan.payments", "bauplan.merchants", "bauplan.fees"));

    assertThat(provenance)
        .containsExactly(
            new Provenance("bauplan.payments", 2, "sha-2", "human:alice", "edited"),
            new Provenance("bauplan.merchants", 1, "sha-1", "policy:auto", "as proposed"),
            new Provenance("bauplan.fees", null, null, null, null));
  }

  @Test
  void writesToMainAndWritesOutsideATurnAreNotTheRunsBranches() {
    decided(1, Decision.Verdict.APPROVE, "policy:auto", "sha-1");
    wrote(1, "b", "bauplan.payments");
    wrote(1, "main", "bauplan.payments");
    wrote(0, "fork.b", "bauplan.payments");

    assertThat(journal.branches()).containsExactly("b");
    assertThat(journal.provenance("main", List.of("bauplan.payments")).get(0).turn()).isNull();
    assertThat(journal.provenance("fork.b", List.of("bauplan.payments")).get(0).turn()).isNull();
  }

  @Test
  void branchesAreListedInTheOrderOfTheirFirstWrite() {
    wrote(1, "c", "bauplan.t");
    wrote(2, "a", "bauplan.t");
    wrote(3, "c", "bauplan.u");
    wrote(4, "b", null);

    assertThat(journal.branches()).containsExactly("c", "a", "b");
  }

  @Test
  void aTurnWithoutARecordedDecisionStillNamesItsTurn() {
    wrote(4, "b", "bauplan.payments");

    assertThat(journal.provenance("b", List.of("bauplan.payments")))
        .containsExactly(new Provenance("bauplan.payments", 4, null, null, null));
  }

  @Test
  void usageAndCostAreSummedOverEveryModelResponse() {
    assertThat(journal.usage()).isEqualTo(Usage.NONE);
    assertThat(journal.cost()).as("no priced response yet: cost unknown, not zero").isNull();

    responded(1, new Usage(1000, 200), null);
    assertThat(journal.cost()).isNull();
    responded(2, new Usage(1500, 300), 0.02);
    responded(3, null, 0.005);

    assertThat(journal.usage()).isEqualTo(new Usage(2500, 500));
    assertThat(journal.cost()).isEqualTo(0.025, offset(1e-12));
  }

  private void decided(int turn, Decision.Verdict verdict, String by, String sha) {
    journal.onEvent(new RunEvent.Decided(turn, AT, verdict, by, "code", "code", sha, null, null));
  }

  private void wrote(int turn, String branch, String table) {
    journal.onEvent(
        new RunEvent.DataChanged(turn, AT, "import_data", branch, table, "h0", "h1", 3L));
  }

  private void responded(int turn, Usage usage, Double cost) {
    journal.onEvent(new RunEvent.ModelResponded(turn, AT, "raw", usage, cost, 100, 1, "stop"));
  }
}
