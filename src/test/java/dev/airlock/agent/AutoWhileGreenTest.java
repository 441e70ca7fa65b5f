package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auto-while-green approval policy on a real lakehouse with the real verifier. */
class AutoWhileGreenTest {
  private static final WriteContext TURN_1 = WriteContext.run("agent", "run-1", 1);
  private static final Expectations EXPECT =
      expectations(
          """
          tables:
            payments: {id_columns: [id]}
            merchants: {id_columns: [merchant]}
          checks:
            - name: amounts_positive
              sql: SELECT id, amount FROM payments WHERE amount <= 0
          """);
  private static final Proposal PROPOSAL =
      new Proposal(
          "run-1",
          2,
          "load the merchants next",
          List.of(),
          "bauplan.Client().import_data('merchants', '/raw/m.csv')",
          List.of(new Risk("subprocess", 3, "os.system('ls')", "runs a shell command")));

  @TempDir Path home;
  @TempDir Path raw;
  private final RunJournal journal = new RunJournal();
  private final Human human = new Human();
  private LocalLakehouse lake;

  @BeforeEach
  void open() {
    lake = new LocalLakehouse(home, MergeGate.approveAll(), null, null);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  private Audit checks() {
    return ref -> new Verifier(lake, new SourceRowCounter(null)).verify(ref, EXPECT);
  }

  @Test
  void approvesWithoutAskingWhileTheChecksOnTheRunsTablesPass() throws Exception {
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,20\n", "b");
    wrote("b", "bauplan.payments");

    Decision decision = new AutoWhileGreen(human, journal, checks()).review(PROPOSAL);

    assertThat(decision).isEqualTo(new Decision.Approve("policy:auto-while-green"));
    assertThat(human.asked).isEmpty();
  }

  @Test
  void aFailingCheckOnAnExistingTableAsksTheHumanWithTheFailureAsARisk() throws Exception {
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,-5\n", "b");
    wrote("b", "bauplan.payments");
    human.answer = new Decision.Reject("human:alice", "fix the negative amount first");

    Decision decision = new AutoWhileGreen(human, journal, checks()).review(PROPOSAL);

    assertThat(decision).isEqualTo(human.answer);
    assertThat(human.asked).hasSize(1);
    Proposal shown = human.asked.get(0);
    assertThat(shown.code()).isEqualTo(PROPOSAL.code());
    assertThat(shown.turn()).isEqualTo(2);
    assertThat(shown.risks()).hasSize(2);
    Risk failing = shown.risks().get(0);
    assertThat(failing.rule()).isEqualTo("check custom:amounts_positive");
    assertThat(failing.why()).startsWith("on b: ");
    assertThat(failing.excerpt()).contains("WHERE amount <= 0");
    assertThat(shown.risks().get(1))
        .as("the proposal's own risks are kept")
        .isEqualTo(PROPOSAL.risks().get(0));
  }

  @Test
  void aTableNotWrittenYetIsNotARegression() throws Exception {
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b");
    wrote("b", "bauplan.payments");
    assertThat(new Verifier(lake, new SourceRowCounter(null)).verify("b", EXPECT).passed())
        .as("merchants is declared and missing: the whole audit fails")
        .isFalse();

    Decision decision = new AutoWhileGreen(human, journal, checks()).review(PROPOSAL);

    assertThat(decision.verdict()).isEqualTo(Decision.Verdict.APPROVE);
    assertThat(human.asked).isEmpty();
  }

  @Test
  void aBranchTheCodeDeletedIsSkipped() throws Exception {
    lake.createBranch("scratch", "main");
    load("payments", "id,amount\n1,-1\n", "scratch");
    wrote("scratch", "bauplan.payments");
    lake.deleteBranch("scratch");
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b");
    wrote("b", "bauplan.payments");

    Decision decision = new AutoWhileGreen(human, journal, checks()).review(PROPOSAL);

    assertThat(decision).isEqualTo(new Decision.Approve("policy:auto-while-green"));
    assertThat(human.asked).isEmpty();
  }

  @Test
  void anAuditThatThrowsAsksTheHumanSayingTheChecksCouldNotRun() throws Exception {
    wrote("b", "bauplan.payments");
    human.answer = new Decision.Approve("human:alice");
    Audit broken =
        ref -> {
          throw new IllegalStateException("DuckDB ran out of memory");
        };

    Decision decision = new AutoWhileGreen(human, journal, broken).review(PROPOSAL);

    assertThat(decision).isEqualTo(new Decision.Approve("human:alice"));
    assertThat(human.asked).hasSize(1);
    Risk risk = human.asked.get(0).risks().get(0);
    assertThat(risk.rule()).isEqualTo("checks could not run");
    assertThat(risk.why()).startsWith("on b: DuckDB ran out of memory");
  }

  @Test
  void anUnavailableAuditAsksTheHumanEvenBeforeTheFirstWrite() {
    Decision decision =
        new AutoWhileGreen(human, journal, Audit.unavailable("no verifier for this lakehouse"))
            .review(PROPOSAL);

    assertThat(decision).isEqualTo(human.answer);
    assertThat(human.asked).hasSize(1);
    assertThat(human.asked.get(0).risks().get(0).why())
        .contains("no checks are available: no verifier for this lakehouse");
  }

  @Test
  void withoutAnAuditItCannotBeBuilt() {
    assertThatThrownBy(() -> new AutoWhileGreen(human, journal, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Audit.unavailable");
  }

  @Test
  void mergesAreTheHumansToDecide() {
    AutoWhileGreen policy = new AutoWhileGreen(human, journal, checks());

    MergeVerdict verdict = policy.reviewMerge(null, null);

    assertThat(verdict).isEqualTo(new MergeVerdict.RejectAndEnd("not today"));
    assertThat(policy.reviewer()).isEqualTo("human:alice");
    assertThat(policy.policy()).isEqualTo("auto-while-green");
  }

  /** The human behind the policy: records what it was shown. */
  private static final class Human implements Supervisor {
    Decision answer = new Decision.Reject("human:alice", "not now");
    final List<Proposal> asked = new ArrayList<>();

    @Override
    public Decision review(Proposal proposal) {
      asked.add(proposal);
      return answer;
    }

    @Override
    public String policy() {
      return "ask";
    }

    @Override
    public MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
      return new MergeVerdict.RejectAndEnd("not today");
    }

    @Override
    public String reviewer() {
      return "human:alice";
    }
  }

  /** What the run's backends tell the journal when the code commits to a branch. */
  private void wrote(String branch, String table) {
    journal.onEvent(
        new RunEvent.DataChanged(
            1, Instant.now(), "import_data", branch, table, "before", "after", 1L));
  }

  private void load(String table, String text, String branch) throws Exception {
    String file = Files.writeString(raw.resolve(table + "_" + branch + ".csv"), text).toString();
    lake.createTable(table, file, branch, false, TURN_1);
    lake.importData(table, file, branch, TURN_1);
  }

  private static Expectations expectations(String yaml) {
    try {
      return ExpectationsLoader.parse(yaml, "test", false);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
