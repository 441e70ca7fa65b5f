package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunJournal;
import dev.airlock.lakehouse.LakehouseListener;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish step of a run on a real shared lakehouse: what a done claim merges, through which
 * gate, and the check of main after each merge.
 */
class RunPublishingTest {
  private static final String RUN = "20261128-031500-aaaa";
  private static final String YAML =
      """
      dataset: orders
      tables:
        orders:
          id_columns: [id]
          allow_extra_columns: true
          checks:
            - name: orders_positive_amounts
              sql: SELECT id, amount FROM orders WHERE amount <= 0
      """;

  @TempDir Path tmp;
  private Lakehouses.Lease lease;
  private LocalLakehouse lake;
  private final RunJournal journal = new RunJournal();
  private final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final List<MergeRequest> asked = Collections.synchronizedList(new ArrayList<>());
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    lease = Lakehouses.open(tmp.resolve("home"));
    lake = lease.lakehouse();
  }

  @AfterEach
  void close() {
    Collections.reverse(opened);
    Launcher.closeQuietly(opened.toArray(AutoCloseable[]::new));
    lease.close();
  }

  @Test
  void aDoneClaimMergesEachRunBranchThatDiffersFromMainThroughTheRunsGate() throws Exception {
    RunPublishing publishing = publishing(MergePolicy.AUTO_IF_GREEN, MergeGate.approveAll());
    lake.createBranch("tester.same", "main");
    wrote("tester.same", 1);
    lake.createBranch("tester.gone", "main");
    wrote("tester.gone", 1);
    lake.deleteBranch("tester.gone");
    writeOrders("tester.one", 1, "1,10.5\n2,20.0\n");
    writeTable("tester.two", "refunds", 2, "3,7.25\n");
    // Written early, then overtaken by main: its merge finds nothing to publish.
    lake.createBranch("tester.behind", "main");
    wrote("tester.behind", 2);

    assertThat(publishing.onDoneClaimed(3)).isNull();

    assertThat(asked)
        .extracting(r -> r.source().name())
        .containsExactly("tester.one", "tester.two");
    assertThat(asked)
        .allSatisfy(
            r -> {
              assertThat(r.target().name()).isEqualTo("main");
              assertThat(r.context().runId()).isEqualTo(RUN);
              assertThat(r.context().turn()).isEqualTo(3);
            });
    assertThat(lake.tables("main"))
        .extracting(t -> t.name())
        .containsExactlyInAnyOrder("orders", "refunds");
    // Both checks of main ran before the claim was answered, and belong to the claiming turn.
    assertThat(all(RunEvent.PostMergeChecked.class))
        .hasSize(2)
        .allSatisfy(
            c -> {
              assertThat(c.turn()).isEqualTo(3);
              assertThat(c.passed()).as(c.summary()).isTrue();
            });
    assertThat(all(RunEvent.PostMergeChecked.class).get(1).mergeCommit())
        .isEqualTo(lake.branch("main").hash());
  }

  @Test
  void mergePolicyNeverPublishesNothing() throws Exception {
    RunPublishing publishing = publishing(MergePolicy.NEVER, MergeGate.approveAll());
    writeOrders("tester.one", 1, "1,10.5\n");

    assertThat(publishing.onDoneClaimed(2)).isNull();

    assertThat(asked).isEmpty();
    assertThat(lake.tables("main")).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aRefusalIsToldToTheModelNamingTheBranchAndTheReason() throws Exception {
    RunPublishing publishing =
        publishing(
            MergePolicy.AUTO_IF_GREEN,
            r -> MergeDecision.reject("the amounts do not add up to the source"));
    writeOrders("tester.one", 1, "1,10.5\n");

    String refusal = publishing.onDoneClaimed(2);

    assertThat(refusal)
        .contains("<done> was not accepted", "tester.one", "the amounts do not add up");
    assertThat(asked).hasSize(1);
    assertThat(lake.tables("main")).isEmpty();
    assertThat(all(RunEvent.PostMergeChecked.class)).isEmpty();
  }

  @Test
  void aMergeThatBreaksMainIsRecordedAsAFailedCheckOfItsMergeCommit() throws Exception {
    RunPublishing publishing = publishing(MergePolicy.AUTO_IF_GREEN, MergeGate.approveAll());
    writeOrders("tester.one", 1, "1,10.5\n2,-4.0\n");

    assertThat(publishing.onDoneClaimed(2)).isNull();

    String merge = lake.branch("main").hash();
    RunEvent.PostMergeChecked check = all(RunEvent.PostMergeChecked.class).get(0);
    assertThat(check.turn()).isEqualTo(2);
    assertThat(check.passed()).isFalse();
    assertThat(check.mergeCommit()).isEqualTo(merge);
    assertThat(check.report().checks())
        .filteredOn(c -> c.verdict() != Verdict.PASS)
        .extracting(CheckResult::id)
        .containsExactly("custom:orders_positive_amounts");
    assertThat(check.summary()).contains("1 failed");
    // One record of the failure: faces render the check with the command that undoes the merge.
    assertThat(all(RunEvent.Notice.class)).isEmpty();
  }

  @Test
  void aMergeTheCodeMadeIsCheckedBeforeItsTurnEnds() throws Exception {
    RunPublishing publishing = publishing(MergePolicy.ASK, MergeGate.approveAll());
    writeOrders("tester.one", 4, "1,10.5\n");
    // The listener is slow: the check's event arrives well after the merge returns.
    lake.merge("tester.one", "main", WriteContext.run("tester", RUN, 4));

    publishing.awaitPostMergeChecks();

    assertThat(all(RunEvent.PostMergeChecked.class))
        .singleElement()
        .satisfies(c -> assertThat(c.turn()).isEqualTo(4));
  }

  @Test
  void mergesOfOtherRunsAndCommandsOnTheSharedLakehouseAreNotThisRunsToCheck() throws Exception {
    RunPublishing publishing = publishing(MergePolicy.AUTO_IF_GREEN, MergeGate.approveAll());
    opened.add(lease.gate().forRun("20261128-031500-bbbb", MergeGate.approveAll()));
    opened.add(lease.gate().outsideRuns(MergeGate.approveAll()));
    writeOrders("bob.other", 1, "1,-1.0\n");
    lake.merge("bob.other", "main", WriteContext.run("bob", "20261128-031500-bbbb", 1));
    Path more = csv("2,-2.0\n");
    lake.createTable("more", more.toString(), "bob.other", false, user());
    lake.importData("more", more.toString(), "bob.other", user());
    lake.merge("bob.other", "main", user());

    publishing.awaitPostMergeChecks();

    assertThat(lake.tables("main")).hasSize(2);
    assertThat(events).as("no check and no alarm in this run's record").isEmpty();
  }

  private RunPublishing publishing(MergePolicy policy, MergeGate gate) throws Exception {
    opened.add(
        lease
            .gate()
            .forRun(
                RUN,
                r -> {
                  asked.add(r);
                  return gate.reviewMerge(r);
                }));
    Expectations expectations = ExpectationsLoader.parse(YAML, "test", false);
    Verifier verifier = new Verifier(lake, new SourceRowCounter(lease.rawSources()));
    RunPublishing publishing =
        new RunPublishing(
            lake,
            verifier,
            expectations,
            policy,
            journal,
            this::slowly,
            Clock.systemUTC(),
            RUN,
            "tester");
    LakehouseListener heard = publishing::onLakehouseEvent;
    lake.addListener(heard);
    opened.add(() -> lake.removeListener(heard));
    opened.add(publishing);
    return publishing;
  }

  /** Records events as a stream thread would, taking its time over the post-merge check. */
  private void slowly(RunEvent e) {
    if (e instanceof RunEvent.PostMergeChecked) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    events.add(e);
  }

  /** The run's code writes orders on {@code branch} during {@code turn}. */
  private void writeOrders(String branch, int turn, String rows) throws Exception {
    writeTable(branch, "orders", turn, rows);
  }

  private void writeTable(String branch, String table, int turn, String rows) throws Exception {
    Path file = csv(rows);
    WriteContext code = WriteContext.run(branch.split("\\.")[0], RUN, turn);
    lake.createBranch(branch, "main");
    lake.createTable(table, file.toString(), branch, false, code);
    lake.importData(table, file.toString(), branch, code);
    wrote(branch, turn);
  }

  private void wrote(String branch, int turn) {
    journal.onEvent(
        new RunEvent.DataChanged(
            turn,
            Clock.systemUTC().instant(),
            "import_data",
            branch,
            "bauplan.orders",
            null,
            null,
            1L));
  }

  private Path csv(String rows) throws Exception {
    Path file = Files.createTempFile(Files.createDirectories(tmp.resolve("raw")), "orders", ".csv");
    Files.writeString(file, "id,amount\n" + rows);
    return file;
  }

  private static WriteContext user() {
    return WriteContext.user("bob");
  }

  private <T extends RunEvent> List<T> all(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
