package dev.airlock.lakehouse;

import static dev.airlock.lakehouse.LakehouseFixture.ALICE;
import static dev.airlock.lakehouse.LakehouseFixture.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, hole 1: refs are files in the catalog, so after {@code x/y} exists {@code x/../main}
 * used to be {@code main}: a direct write, an ungated merge, a deleted main. Every such name is
 * refused with INVALID_REF and main stays exactly as it was.
 */
class RefAliasTest {
  @TempDir Path home;
  @TempDir Path raw;
  private final List<MergeRequest> reviewed = new CopyOnWriteArrayList<>();
  private LocalLakehouse lake;
  private Path rows;
  private Ref mainBefore;
  private Ref mergeIntoMain;

  @BeforeEach
  void mainWithATableAndABranchXY() throws Exception {
    lake = open();
    rows = csv(raw, "rows.csv", "id,v\n1,a\n2,b\n");
    lake.createBranch("pub", "main");
    lake.createTable("fees", rows.toString(), "pub", false, ALICE);
    lake.importData("fees", rows.toString(), "pub", ALICE);
    mergeIntoMain = lake.merge("pub", "main", ALICE);
    lake.createBranch("x/y", "main");
    lake.createTable("leak", rows.toString(), "x/y", false, ALICE);
    lake.importData("leak", rows.toString(), "x/y", ALICE);
    reviewed.clear();
    mainBefore = lake.branch("main");
  }

  private LocalLakehouse open() {
    return new LocalLakehouse(
        home,
        request -> {
          reviewed.add(request);
          return MergeDecision.approve();
        },
        null,
        null);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  @Test
  void noAliasOfMainIsWrittenMergedOrDeleted() {
    String csv = rows.toString();
    List<Map.Entry<String, Executable>> attacks =
        List.of(
            Map.entry(
                "create table", () -> lake.createTable("evil", csv, "x/../main", false, ALICE)),
            Map.entry("import", () -> lake.importData("fees", csv, "x/../main", ALICE)),
            Map.entry("delete table", () -> lake.deleteTable("fees", "x/../main", ALICE)),
            Map.entry(
                "revert table",
                () -> lake.revertTable("leak", "x/y", "x/y/../../main", true, ALICE)),
            Map.entry("create namespace", () -> lake.createNamespace("evil", "x/../main", ALICE)),
            Map.entry("merge", () -> lake.merge("x/y", "x/../main", ALICE)),
            Map.entry("delete branch", () -> lake.deleteBranch("x/../main")),
            Map.entry(
                "revert merge", () -> lake.revertMerge(mergeIntoMain.hash(), "x/../main", ALICE)));
    for (Map.Entry<String, Executable> attack : attacks) {
      assertThatThrownBy(attack.getValue()::execute)
          .as(attack.getKey())
          .isInstanceOfSatisfying(
              LakehouseException.class,
              e -> assertThat(e.errorType()).as(attack.getKey()).isEqualTo(ErrorType.INVALID_REF))
          .hasMessageContaining("Invalid ref '");
      assertMainUnchanged();
    }
    assertThat(reviewed).as("the gate is never asked about an alias").isEmpty();
    lake.close();
    lake = open();
    assertMainUnchanged();
  }

  @Test
  void aliasesNameNothingToReadEither() {
    for (String alias : List.of("x/../main", "x/y/../../main", "x/./y", "x//y", "main/")) {
      for (Executable read :
          List.<Executable>of(
              () -> lake.tables(alias),
              () -> lake.branch(alias),
              () -> lake.hasBranch(alias),
              () -> lake.resolve(alias),
              () -> lake.commits(alias, 1),
              () -> lake.diff("main", alias),
              () -> lake.query("SELECT 1", alias, null),
              () -> lake.createBranch("z", alias),
              () -> lake.createTag("t", alias))) {
        assertThatThrownBy(read::execute)
            .as(alias)
            .isInstanceOfSatisfying(
                LakehouseException.class,
                e -> assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF));
      }
    }
    assertThat(lake.branches(null)).extracting(Ref::name).containsExactly("main", "pub", "x/y");
    assertThat(lake.tags()).isEmpty();
  }

  private void assertMainUnchanged() {
    assertThat(lake.branch("main")).isEqualTo(mainBefore);
    assertThat(lake.tables("main")).extracting(TableInfo::fqn).containsExactly("bauplan.fees");
    assertThat(lake.namespaces("main")).doesNotContain("evil");
  }

  /**
   * Refs resolve branch first: a branch the code names like the person's tag would make every read
   * of that tag (queries, diffs, verify) read the code's writable branch instead; a tag named main
   * would answer get_tag('main') with the code's data.
   */
  @Test
  void aBranchCannotHideATagNorATagShareABranchsName() {
    Ref release = lake.createTag("release", "main");

    assertThatThrownBy(() -> lake.createBranch("release", "x/y"))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.TAG_EXISTS));
    assertThatThrownBy(() -> lake.createTag("main", "x/y"))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.BRANCH_EXISTS));

    assertThat(lake.resolve("release")).isEqualTo(release);
    assertThat(lake.tags()).containsExactly(release);
  }

  /** A short hash that several objects share names none of them: a clear INVALID_REF. */
  @Test
  void anAmbiguousShortHashIsAnInvalidRefNotAnInternalError() {
    Map<String, String> firstByPrefix = new HashMap<>();
    String shared = null;
    for (int i = 0; shared == null && i < 3000; i++) {
      String hash = lake.createNamespace("ns" + i, "x/y", ALICE).hash();
      String prefix = hash.substring(0, 4);
      if (firstByPrefix.putIfAbsent(prefix, hash) != null) {
        shared = prefix;
      }
    }
    assertThat(shared).as("two commits sharing a 4-digit prefix").isNotNull();
    String prefix = shared;
    assertThatThrownBy(() -> lake.resolve("@" + prefix))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF))
        .hasMessageContaining("Commit '" + prefix + "' is ambiguous")
        .hasMessageContaining("give more of the hash");
    assertThatThrownBy(() -> lake.tables("x/y@" + prefix))
        .isInstanceOfSatisfying(
            LakehouseException.class,
            e -> assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_REF));
  }
}
