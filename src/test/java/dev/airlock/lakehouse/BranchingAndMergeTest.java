package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchingAndMergeTest {
  @TempDir Path home;
  @TempDir Path raw;
  LocalLakehouse lake;
  final AtomicReference<MergeDecision> decision = new AtomicReference<>(MergeDecision.approve());
  final List<MergeRequest> reviewed = new CopyOnWriteArrayList<>();
  final List<LakehouseEvent> events = new CopyOnWriteArrayList<>();
  Path one;
  Path two;

  @BeforeEach
  void open() throws Exception {
    MergeGate gate =
        request -> {
          reviewed.add(request);
          return decision.get();
        };
    lake = new LocalLakehouse(home, gate, null, events::add);
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

  @Test
  void branchingCopiesNoDataAndSharesTheHead() throws Exception {
    lake.createBranch("a", "main");
    load("t", two, "a");
    List<Path> before = LakehouseFixture.dataFiles(lake.warehouse());
    Ref b = lake.createBranch("b", "a");
    assertThat(b.hash()).isEqualTo(lake.branch("a").hash());
    assertThat(LakehouseFixture.dataFiles(lake.warehouse())).isEqualTo(before);
    assertThat(lake.table("b", "t").records()).isEqualTo(2);
  }

  @Test
  void mainTakesNoDirectWrites() {
    for (Runnable write :
        List.<Runnable>of(
            () -> lake.createTable("t", one.toString(), "main", false, ALICE),
            () -> lake.importData("t", one.toString(), "main", ALICE),
            () -> lake.deleteTable("t", "main", ALICE),
            () -> lake.revertTable("t", "x", "main", true, ALICE),
            () -> lake.createNamespace("raw", "main", ALICE))) {
      assertThatThrownBy(write::run)
          .isInstanceOfSatisfying(
              LakehouseException.class, e -> assertThat(e.status()).isEqualTo(403))
          .hasMessageContaining("main takes no direct writes: create a branch from main");
    }
    assertThat(lake.commits("main", null)).hasSize(1);
    assertThatThrownBy(() -> lake.deleteBranch("main"))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.type()).isEqualTo("DELETE_BRANCH_FORBIDDEN"));
  }

  @Test
  void tagsAreNotWriteTargets() {
    lake.createTag("v1", "main");
    assertThatThrownBy(() -> lake.createTable("t", one.toString(), "v1", false, ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.type()).isEqualTo("NOT_A_WRITE_BRANCH_REF"));
    assertThat(lake.hasBranch("v1")).isFalse();
    assertThat(lake.tags()).extracting(Ref::name).containsExactly("v1");
  }

  @Test
  void mergeIntoMainPassesTheGateAndIsLoggedWithRunAndTurn() {
    lake.createBranch("alice.wap", "main");
    load("t", two, "alice.wap");
    Ref merged =
        lake.merge(
            "alice.wap", "main", WriteContext.run("alice", "run-7", 4).withMessage("publish t"));
    assertThat(reviewed).hasSize(1);
    RefDiff diff = reviewed.get(0).diff();
    assertThat(diff.tables())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.change()).isEqualTo(TableDiff.Change.ADDED);
              assertThat(d.rowsAfter()).isEqualTo(2);
            });
    Commit head = lake.commits("main", 1).get(0);
    assertThat(head.hash()).isEqualTo(merged.hash());
    assertThat(head.parents()).hasSize(2);
    assertThat(head.properties()).containsEntry("run", "run-7").containsEntry("turn", "4");
    assertThat(head.message()).isEqualTo("publish t");
    assertThat(lake.table("main", "t").records()).isEqualTo(2);
  }

  @Test
  void rejectedMergeWritesNothingAndCarriesTheReason() {
    lake.createBranch("alice.wap", "main");
    load("t", two, "alice.wap");
    Ref mainBefore = lake.branch("main");
    decision.set(MergeDecision.reject("IDs are duplicated"));
    assertThatThrownBy(() -> lake.merge("alice.wap", "main", ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> {
              assertThat(e.type()).isEqualTo("MERGE_FORBIDDEN");
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.context()).containsEntry("reason", "IDs are duplicated");
            });
    assertThat(lake.branch("main")).isEqualTo(mainBefore);
    assertThat(lake.hasTable("main", "t")).isFalse();
  }

  @Test
  void mainMovingWhileTheGateWaitsFailsTheMergeInsteadOfPublishingUnreviewedState() {
    lake.createBranch("first", "main");
    lake.createBranch("second", "main");
    load("t", one, "first");
    load("u", two, "second");
    lake.close();
    AtomicBoolean raced = new AtomicBoolean();
    AtomicReference<LocalLakehouse> ref = new AtomicReference<>();
    ref.set(
        new LocalLakehouse(
            home,
            request -> {
              if (request.source().name().equals("first") && raced.compareAndSet(false, true)) {
                ref.get().merge("second", "main", ALICE);
              }
              return MergeDecision.approve();
            },
            null,
            null));
    lake = ref.get();
    assertThatThrownBy(() -> lake.merge("first", "main", ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("BRANCH_HEAD_CHANGED"));
    assertThat(lake.hasTable("main", "u")).isTrue();
    assertThat(lake.hasTable("main", "t")).isFalse();
    lake.merge("first", "main", ALICE);
    assertThat(lake.tables("main")).extracting(TableInfo::name).containsExactly("t", "u");
  }

  @Test
  void mergeBetweenBranchesSkipsTheGate() {
    lake.createBranch("a", "main");
    lake.createBranch("b", "main");
    load("t", one, "a");
    lake.merge("a", "b", ALICE);
    assertThat(reviewed).isEmpty();
    assertThat(lake.table("b", "t").records()).isEqualTo(1);
  }

  @Test
  void tableChangedOnBothSidesIsAConflictNamingIt() {
    lake.createBranch("base", "main");
    load("t", one, "base");
    load("u", one, "base");
    lake.createBranch("x", "base");
    lake.createBranch("y", "base");
    lake.importData("t", two.toString(), "x", ALICE);
    lake.importData("t", one.toString(), "y", ALICE);
    lake.importData("u", two.toString(), "x", ALICE);
    Ref yBefore = lake.branch("y");
    assertThatThrownBy(() -> lake.merge("x", "y", ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> {
              assertThat(e.type()).isEqualTo("MERGE_CONFLICT");
              assertThat(e.context().get("conflicts")).isEqualTo(List.of("bauplan.t"));
            })
        .hasMessageContaining("bauplan.t");
    assertThat(lake.branch("y")).isEqualTo(yBefore);
  }

  @Test
  void changesToDifferentTablesMergeBothWays() {
    lake.createBranch("base", "main");
    load("t", one, "base");
    load("u", one, "base");
    lake.createBranch("x", "base");
    lake.importData("t", two.toString(), "x", ALICE);
    lake.importData("u", two.toString(), "base", ALICE);
    lake.merge("x", "base", ALICE);
    assertThat(lake.table("base", "t").records()).isEqualTo(3);
    assertThat(lake.table("base", "u").records()).isEqualTo(3);
  }

  @Test
  void concurrentImportsOnOneBranchAllLand() throws Exception {
    lake.createBranch("busy", "main");
    int n = 6;
    for (int i = 0; i < n; i++) {
      lake.createTable("t" + i, two.toString(), "busy", false, ALICE);
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ImportResult>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String table = "t" + i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                lake.importData(table, two.toString(), "busy", ALICE);
                return lake.importData(table, one.toString(), "busy", ALICE);
              }));
    }
    start.countDown();
    for (Future<ImportResult> f : futures) {
      f.get();
    }
    pool.shutdown();
    for (int i = 0; i < n; i++) {
      assertThat(lake.table("busy", "t" + i).records()).as("t" + i).isEqualTo(3);
    }
    assertThat(lake.commits("busy", null)).hasSize(1 + n + 2 * n);
  }

  @Test
  void diffShowsAddedRemovedChangedAndSchemaChanges() throws Exception {
    lake.createBranch("a", "main");
    load("keep", one, "a");
    load("drop", one, "a");
    load("grow", one, "a");
    lake.createBranch("b", "a");
    lake.deleteTable("drop", "b", ALICE);
    lake.importData("grow", two.toString(), "b", ALICE);
    load("fresh", two, "b");
    lake.createTable("keep", csv(raw, "k.csv", "id,w\n1,2\n").toString(), "b", true, ALICE);
    RefDiff diff = lake.diff("a", "b");
    assertThat(diff.tables())
        .extracting(TableDiff::name, TableDiff::change)
        .containsExactly(
            tuple("drop", TableDiff.Change.REMOVED),
            tuple("fresh", TableDiff.Change.ADDED),
            tuple("grow", TableDiff.Change.CHANGED),
            tuple("keep", TableDiff.Change.CHANGED));
    TableDiff grow = diff.tables().get(2);
    assertThat(grow.rowsBefore()).isEqualTo(1);
    assertThat(grow.rowsAfter()).isEqualTo(3);
    assertThat(diff.tables().get(3).schemaChanges())
        .extracting(SchemaChange::kind)
        .containsExactlyInAnyOrder(SchemaChange.Kind.REMOVED, SchemaChange.Kind.ADDED);
  }

  @Test
  void revertRestoresATableFromAnotherRef() {
    lake.createBranch("a", "main");
    load("t", one, "a");
    lake.createTag("good", "a");
    lake.importData("t", two.toString(), "a", ALICE);
    assertThatThrownBy(() -> lake.revertTable("t", "good", "a", false, ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.type()).isEqualTo("REVERT_DESTINATION_TABLE_EXISTS"));
    lake.revertTable("t", "good", "a", true, ALICE);
    assertThat(lake.table("a", "t").records()).isEqualTo(1);
    assertThat(lake.query("SELECT count(*) FROM t", "a", null).rows().get(0).get(0)).isEqualTo(1L);
    assertThatThrownBy(() -> lake.revertTable("t", "good", "a", true, ALICE))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.type()).isEqualTo("REVERT_IDENTICAL_TABLE"));
  }

  @Test
  void queriesSeeEachRefsOwnDataIncludingPinnedCommits() {
    lake.createBranch("a", "main");
    load("t", one, "a");
    Ref pinned = lake.branch("a");
    lake.importData("t", two.toString(), "a", ALICE);
    assertThat(lake.query("SELECT count(*) FROM t", pinned.toString(), null).rows().get(0).get(0))
        .isEqualTo(1L);
    assertThat(lake.query("SELECT count(*) FROM t", "a", null).rows().get(0).get(0)).isEqualTo(3L);
    assertThatThrownBy(() -> lake.query("SELECT * FROM t", "main", null))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("QUERY_FAILED"));
  }

  @Test
  void queriesCannotReadFilesOutsideTheWarehouse() {
    assertThatThrownBy(() -> lake.query("SELECT * FROM read_csv('" + one + "')", "main", null))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("QUERY_FAILED"));
  }

  @Test
  void whatOneQueryCreatesDoesNotLeakIntoTheNext() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    assertThatThrownBy(() -> lake.query("CREATE TABLE leak AS SELECT 1 AS x", "a", null))
        .isInstanceOf(LakehouseException.class);
    assertThatThrownBy(() -> lake.query("CREATE TABLE leak2 AS SELECT 1 AS x; COMMIT", "a", null))
        .isInstanceOf(LakehouseException.class);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> lake.query("SELECT * FROM leak2", "a", null))
          .isInstanceOf(LakehouseException.class);
      assertThatThrownBy(() -> lake.query("SELECT * FROM leak", "a", null))
          .isInstanceOf(LakehouseException.class);
      assertThat(lake.query("SELECT count(*) FROM t", "a", null).rows().get(0).get(0))
          .isEqualTo(2L);
    }
  }

  @Test
  void scanAndMaxRows() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    QueryResult r = lake.scan("t", "a", List.of("v"), "id > 2", null);
    assertThat(r.columns()).containsExactly("v");
    assertThat(r.rows()).containsExactly(List.of("c"));
    QueryResult capped = lake.query("SELECT * FROM t", "a", 1);
    assertThat(capped.rows()).hasSize(1);
    assertThat(capped.truncated()).isTrue();
  }

  @Test
  void everyOperationIsAnEventWithItsCommits() {
    lake.createBranch("a", "main");
    load("t", two, "a");
    LakehouseEvent imported =
        events.stream().filter(e -> e.operation().equals("import_data")).findFirst().orElseThrow();
    assertThat(imported.rows()).isEqualTo(2);
    assertThat(imported.table()).isEqualTo("bauplan.t");
    assertThat(imported.commitAfter()).isEqualTo(lake.branch("a").hash());
    assertThat(imported.commitBefore()).isNotEqualTo(imported.commitAfter());
    assertThat(imported.context().turn()).isEqualTo(2);
    assertThatThrownBy(() -> lake.deleteBranch("nope"));
    assertThat(events.get(events.size() - 1).error()).isEqualTo("BRANCH_NOT_FOUND");
  }

  @Test
  void branchErrorsUseBauplanTypes() {
    lake.createBranch("a", "main");
    assertThatThrownBy(() -> lake.createBranch("a", "main"))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("BRANCH_EXISTS"));
    assertThatThrownBy(() -> lake.createBranch("b", "nope"))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("REF_NOT_FOUND"));
    assertThatThrownBy(() -> lake.createBranch("bad..name", "main"))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("INVALID_REF"));
    assertThatThrownBy(() -> lake.createBranch("a/b", "main"))
        .isInstanceOfSatisfying(
            LakehouseException.class, e -> assertThat(e.type()).isEqualTo("INVALID_REF"));
    assertThat(lake.branches("ai")).extracting(Ref::name).containsExactly("main");
    lake.deleteBranch("a");
    assertThat(lake.hasBranch("a")).isFalse();
  }
}
