package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevertMergeTest {
  private static final WriteContext HUMAN = WriteContext.user("supervisor");
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;
  final List<MergeRequest> reviewed = new CopyOnWriteArrayList<>();
  final List<LakehouseEvent> events = new CopyOnWriteArrayList<>();
  Path one;
  Path two;

  @BeforeEach
  void open() throws Exception {
    lake =
        new LocalLakehouse(
            home,
            request -> {
              reviewed.add(request);
              return MergeDecision.approve();
            },
            null,
            events::add);
    one = csv(raw, "one.csv", "id,v\n1,a\n");
    two = csv(raw, "two.csv", "id,v\n2,b\n3,c\n");
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private void load(String table, Path file, String branch) {
    lake.createTable(table, file.toString(), branch, false, ALICE);
    lake.importData(table, file.toString(), branch, ALICE);
  }

  private Ref publish(String branch, Runnable change) {
    lake.createBranch(branch, "main");
    change.run();
    return lake.merge(branch, "main", ALICE);
  }

  private long rows(String ref, String table) {
    return ((Number) lake.query("SELECT count(*) FROM " + table, ref, null).rows().get(0).get(0))
        .longValue();
  }

  /** main has t (1 row) and old; the merge returned changes t, adds u, removes old. */
  private Ref mergeThatChangesAddsAndRemoves() {
    publish(
        "base",
        () -> {
          load("t", one, "base");
          load("old", two, "base");
        });
    return publish(
        "wap",
        () -> {
          lake.importData("t", two.toString(), "wap", ALICE);
          load("u", two, "wap");
          lake.deleteTable("old", "wap", ALICE);
        });
  }

  @Test
  void revertRestoresTheMergedTablesKeepsLaterChangesAndRewritesNothing() {
    Ref merge = mergeThatChangesAddsAndRemoves();
    Ref later = publish("later", () -> load("fees", one, "later"));
    List<String> historyBefore = lake.commits("main", null).stream().map(Commit::hash).toList();
    int gateCalls = reviewed.size();

    Ref reverted = lake.revertMerge(merge.hash(), "main", HUMAN);

    assertThat(lake.hasTable("main", "u")).isFalse();
    assertThat(rows("main", "t")).isEqualTo(1);
    assertThat(rows("main", "old")).isEqualTo(2);
    assertThat(rows("main", "fees")).isEqualTo(1);
    assertThat(reviewed).hasSize(gateCalls);
    List<Commit> log = lake.commits("main", null);
    assertThat(log.get(0).hash()).isEqualTo(reverted.hash());
    assertThat(log.get(0).parents()).containsExactly(later.hash());
    assertThat(log.get(0).subject())
        .isEqualTo("Revert merge " + merge.hash().substring(0, 12) + ": Merge wap into main");
    assertThat(log.get(0).properties()).containsEntry("reverted_merge", merge.hash());
    assertThat(log.subList(1, log.size()))
        .extracting(Commit::hash)
        .containsExactlyElementsOf(historyBefore);
    assertThat(rows("@" + merge.hash(), "u")).isEqualTo(2);
    assertThat(events)
        .filteredOn(e -> e.operation().equals("revert_merge"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.commitBefore()).isEqualTo(later.hash());
              assertThat(e.commitAfter()).isEqualTo(reverted.hash());
              assertThat(e.error()).isNull();
            });
  }

  @Test
  void planShowsTheChangeAndWritesNothing() {
    Ref merge = mergeThatChangesAddsAndRemoves();
    RevertPlan plan = lake.planRevertMerge(merge.hash(), "main");
    assertThat(plan.tables()).containsExactly("bauplan.old", "bauplan.t", "bauplan.u");
    assertThat(plan.head()).isEqualTo(lake.branch("main"));
    assertThat(plan.diff().tables())
        .extracting(TableDiff::fqn, TableDiff::change, TableDiff::rowsBefore, TableDiff::rowsAfter)
        .containsExactly(
            tuple("bauplan.old", TableDiff.Change.ADDED, null, 2L),
            tuple("bauplan.t", TableDiff.Change.CHANGED, 3L, 1L),
            tuple("bauplan.u", TableDiff.Change.REMOVED, 2L, null));
    assertThat(lake.branch("main").hash()).isEqualTo(merge.hash());
  }

  @Test
  void aTableChangedAgainAfterTheMergeIsAConflictAndNothingIsWritten() {
    Ref merge = mergeThatChangesAddsAndRemoves();
    publish("fix", () -> lake.importData("u", one.toString(), "fix", ALICE));
    Ref head = lake.branch("main");
    assertThatThrownBy(() -> lake.revertMerge(merge.hash(), "main", HUMAN))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> {
              assertThat(e.type()).isEqualTo("MERGE_CONFLICT");
              assertThat(e.context()).containsEntry("conflicts", List.of("bauplan.u"));
            })
        .hasMessageContaining("tables changed again after it: bauplan.u")
        .hasMessageContaining("Nothing was written");
    assertThat(lake.branch("main")).isEqualTo(head);
  }

  @Test
  void refusesWhatIsNotARevertableMergeOfThatBranch() {
    Ref merge = mergeThatChangesAddsAndRemoves();
    Commit single =
        lake.commits("main", null).stream()
            .filter(c -> c.parents().size() == 1)
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> lake.revertMerge(single.hash(), "main", HUMAN))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("BAD_REQUEST"))
        .hasMessageContaining("('" + single.subject() + "') is not a merge commit");
    assertThatThrownBy(() -> lake.revertMerge("0123456789abcdef", "main", HUMAN))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("REF_NOT_FOUND"))
        .hasMessageContaining("Commit '0123456789abcdef' not found");
    lake.createBranch("side", "base");
    assertThatThrownBy(() -> lake.revertMerge(merge.hash(), "side", HUMAN))
        .hasMessageContaining("is not in the history of side");
    lake.revertMerge(merge.hash().substring(0, 10), "main", HUMAN);
    Ref head = lake.branch("main");
    assertThatThrownBy(() -> lake.revertMerge(merge.hash(), "main", HUMAN))
        .hasMessageContaining("was already reverted on main by " + head.hash().substring(0, 12));
    assertThat(lake.branch("main")).isEqualTo(head);
    assertThat(events)
        .filteredOn(e -> e.operation().equals("revert_merge"))
        .extracting(LakehouseEvent::error)
        .containsExactly("BAD_REQUEST", "REF_NOT_FOUND", "BAD_REQUEST", null, "BAD_REQUEST");
  }

  @Test
  void theRevertedBranchStillCountsAsMergedSoAFixIsPublishedFromANewBranch() {
    Ref merge = publish("wap", () -> load("u", two, "wap"));
    lake.revertMerge(merge.hash(), "main", HUMAN);
    Ref reverted = lake.branch("main");
    assertThat(lake.merge("wap", "main", ALICE)).isEqualTo(reverted);
    assertThat(lake.hasTable("main", "u")).isFalse();
    publish("wap.fix", () -> load("u", one, "wap.fix"));
    assertThat(rows("main", "u")).isEqualTo(1);
  }

  /**
   * The agent's code names commit properties (gateway commit_properties on any write or merge): a
   * later approved merge whose commits say reverted_merge=<bad merge> must not make the person's
   * revert of that bad merge answer "already reverted" and leave its data published.
   */
  @Test
  void aRevertMarkerTheCodePlantedDoesNotStopTheRevert() {
    Ref bad = publish("wap", () -> load("t", one, "wap"));
    WriteContext planted =
        new WriteContext("agent", "run-1", 2, null, Map.of(MergeRevert.REVERTED_MERGE, bad.hash()));
    lake.createBranch("later", "main");
    lake.createNamespace("scratch", "later", planted);
    lake.merge("later", "main", planted);

    lake.revertMerge(bad.hash(), "main", HUMAN);

    assertThat(lake.hasTable("main", "t")).isFalse();
    assertThatThrownBy(() -> lake.revertMerge(bad.hash(), "main", HUMAN))
        .hasMessageContaining("was already reverted");
  }
}
