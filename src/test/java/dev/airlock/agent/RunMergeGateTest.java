package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.LocalLakehouse;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.model.Usage;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.ExpectationsLoader;
import dev.airlock.verify.SourceRowCounter;
import dev.airlock.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's merge gate on a real lakehouse with the real verifier: each merge policy, the evidence
 * a merge request carries, and the decision on record.
 */
class RunMergeGateTest {
  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
  private static final WriteContext TURN_1 = WriteContext.run("agent", "run-1", 1);
  private static final WriteContext TURN_2 = WriteContext.run("agent", "run-1", 2);
  private static final WriteContext TURN_3 = WriteContext.run("agent", "run-1", 3);
  private static final Expectations PAYMENTS_KEYED =
      expectations(
          """
          tables:
            payments: {id_columns: [id]}
          checks:
            - name: amounts_positive
              sql: SELECT id, amount FROM payments WHERE amount <= 0
          """);

  @TempDir Path home;
  @TempDir Path raw;
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private final RunJournal journal = new RunJournal();
  private final List<String> endedWith = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private RunMergeGate gate;
  private LocalLakehouse lake;

  @BeforeEach
  void open() {
    // The lakehouse is opened with the gate and the gate's audit reads the lakehouse: the
    // lakehouse reaches whichever gate the test builds.
    lake = new LocalLakehouse(home, request -> gate.reviewMerge(request), null, this::recordWrite);
  }

  @AfterEach
  void close() {
    lake.close();
  }

  /** What the run's backends tell the journal about each commit. */
  private void recordWrite(LakehouseEvent e) {
    RunEvent.DataChanged change = RunEvent.DataChanged.of(e, NOW);
    if (change != null) {
      journal.onEvent(change);
    }
  }

  private void gate(MergePolicy policy, Supervisor supervisor, Audit audit) {
    gate =
        new RunMergeGate(
            policy, supervisor, journal, audit, new TablePreviews(lake), events::add, clock);
    gate.onEndRun(endedWith::add);
  }

  private Audit checks(Expectations expect) {
    return Audit.of(new Verifier(lake, new SourceRowCounter(null)), expect);
  }

  @Test
  void askApprovedMergesAndRecordsTheHumanWithTheEvidenceTheySaw() throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    gate(MergePolicy.ASK, desk, checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,20\n", "b", TURN_1);
    decided(1, Decision.Verdict.APPROVE, "policy:auto", "sha-turn-1");
    modelResponded(1, new Usage(100, 20), 0.25);
    modelResponded(2, new Usage(50, 5), null);

    lake.merge("b", "main", TURN_2);

    assertThat(lake.hasTable("main", "payments")).isTrue();
    assertThat(desk.asked).hasSize(1);
    MergeEvidence seen = desk.asked.get(0);
    assertThat(seen.checksPassed()).isTrue();
    assertThat(seen.changes())
        .containsExactly(
            new RunEvent.TableChange("bauplan.payments", "added", null, 2L, List.of()));
    assertThat(seen.provenance())
        .containsExactly(
            new MergeEvidence.Provenance(
                "bauplan.payments", 1, "sha-turn-1", "policy:auto", "as proposed"));
    assertThat(seen.usage()).isEqualTo(new Usage(150, 25));
    assertThat(seen.costUsd()).isEqualTo(0.25);

    RunEvent.MergeRequested requested = only(RunEvent.MergeRequested.class);
    assertThat(requested.turn()).isEqualTo(2);
    assertThat(requested.at()).isEqualTo(NOW);
    assertThat(requested.source()).isEqualTo("b");
    assertThat(requested.target()).isEqualTo("main");
    assertThat(requested.policy()).isEqualTo("ask");
    assertThat(requested.checksPassed()).isTrue();
    assertThat(requested.verification().checks()).isNotEmpty();
    assertThat(requested.changes()).isEqualTo(seen.changes());
    assertThat(requested.provenance()).isEqualTo(seen.provenance());
    assertThat(requested.usage()).isEqualTo(new Usage(150, 25));
    assertThat(requested.costUsd()).isEqualTo(0.25);
    assertThat(only(RunEvent.MergeDecided.class))
        .isEqualTo(
            new RunEvent.MergeDecided(2, NOW, "b", "main", true, "human:alice", null, false));
    assertThat(events.indexOf(requested))
        .isLessThan(events.indexOf(only(RunEvent.MergeDecided.class)));
    assertThat(endedWith).isEmpty();
  }

  @Test
  void theEvidenceNamesSchemaChangesAndWhichTurnLastWroteEachTableAndHow() throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    gate(MergePolicy.ASK, desk, checks(Expectations.none()));
    lake.createBranch("first", "main");
    load("payments", "id,amount,note\n1,10,a\n2,20,b\n", "first", TURN_1);
    load("merchants", "merchant\nA\n", "first", TURN_1);
    lake.merge("first", "main", TURN_1);
    lake.createBranch("b", "main");
    replace(
        "payments",
        "id,amount,note,currency\n1,x10,a,EUR\n2,x20,b,EUR\n3,x30,c,EUR\n",
        "b",
        TURN_2);
    replace("payments", "id,amount,currency\n1,x10,EUR\n2,x20,EUR\n3,x30,EUR\n", "b", TURN_3);
    decided(2, Decision.Verdict.APPROVE, "policy:auto", "sha-2");
    decided(3, Decision.Verdict.APPROVE_EDITED, "human:alice", "sha-3");
    desk.asked.clear();
    events.clear();

    lake.merge("b", "main", TURN_3);

    MergeEvidence seen = desk.asked.get(0);
    assertThat(seen.changes())
        .containsExactly(
            new RunEvent.TableChange(
                "bauplan.payments",
                "changed",
                2L,
                3L,
                List.of("amount long -> string", "-note string", "+currency string")));
    assertThat(seen.provenance())
        .as("the last writer of payments on b is turn 3, whose code the human edited")
        .containsExactly(
            new MergeEvidence.Provenance("bauplan.payments", 3, "sha-3", "human:alice", "edited"));
    assertThat(only(RunEvent.MergeRequested.class).changes()).isEqualTo(seen.changes());
  }

  @Test
  void theEvidencePreviewsTheFirstRowsOfEachTableAsTheMergeWouldPublishIt() throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    gate(MergePolicy.ASK, desk, checks(Expectations.none()));
    lake.createBranch("first", "main");
    load("merchants", "merchant,city\nA,Rome\n", "first", TURN_1);
    lake.merge("first", "main", TURN_1);
    lake.createBranch("b", "main");
    String hostile = "x".repeat(5000);
    load(
        "payments",
        "id,amount,note\n7,70,a\n3,30," + hostile + "\n9,90,c\n1,10,d\n5,50,e\n2,20,f\n8,80,g\n",
        "b",
        TURN_2);
    StringBuilder wide = new StringBuilder();
    for (int i = 1; i <= 14; i++) {
      wide.append(i == 1 ? "" : ",").append("c").append(i);
    }
    wide.append('\n');
    for (int i = 1; i <= 14; i++) {
      wide.append(i == 1 ? "" : ",").append(i * 100);
    }
    load("wide", wide + "\n", "b", TURN_2);
    lake.deleteTable("merchants", "b", TURN_2);
    desk.asked.clear();
    events.clear();

    lake.merge("b", "main", TURN_2);

    List<MergeEvidence.TablePreview> previews = desk.asked.get(0).previews();
    assertThat(previews)
        .extracting(MergeEvidence.TablePreview::table)
        .containsExactlyInAnyOrder("bauplan.merchants", "bauplan.payments", "bauplan.wide");
    MergeEvidence.TablePreview payments = preview(previews, "bauplan.payments");
    assertThat(payments.columns()).containsExactly("id", "amount", "note");
    assertThat(payments.rows())
        .as("the first 5 rows in the order they were loaded, and a mark that more follow")
        .extracting(r -> r.get(0))
        .containsExactly(7L, 3L, 9L, 1L, 5L);
    assertThat(payments.truncated()).isTrue();
    assertThat((String) payments.rows().get(1).get(2))
        .as("a long value is shortened as check evidence's are")
        .hasSizeLessThan(300)
        .endsWith("... (5000 characters)");
    MergeEvidence.TablePreview wideTable = preview(previews, "bauplan.wide");
    assertThat(wideTable.columns()).hasSize(12).startsWith("c1", "c2").endsWith("c12");
    assertThat(wideTable.rows()).hasSize(1);
    assertThat(wideTable.rows().get(0)).hasSize(12).startsWith(100L);
    assertThat(wideTable.truncated()).isFalse();
    assertThat(wideTable.note()).isEqualTo("first 12 of 14 columns");
    MergeEvidence.TablePreview merchants = preview(previews, "bauplan.merchants");
    assertThat(merchants.rows()).isEmpty();
    assertThat(merchants.note()).isEqualTo("the merge removes this table");
    assertThat(only(RunEvent.MergeRequested.class).previews()).isEqualTo(previews);
  }

  @Test
  void theEvidenceSaysHowLongEachTablesChecksAndPreviewTookAndTheTranscriptKeepsIt()
      throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    gate(MergePolicy.ASK, desk, checks(PAYMENTS_KEYED));
    lake.createBranch("first", "main");
    load("merchants", "merchant,city\nA,Rome\n", "first", TURN_1);
    lake.merge("first", "main", TURN_1);
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,20\n", "b", TURN_2);
    desk.asked.clear();
    events.clear();

    lake.merge("b", "main", TURN_2);

    MergeEvidence.AuditTime time = desk.asked.get(0).auditTime();
    assertThat(time.millis()).isNotNull().isNotNegative();
    assertThat(time.tables())
        .extracting(MergeEvidence.TableTime::table)
        .containsExactly("bauplan.merchants", "bauplan.payments");
    MergeEvidence.TableTime payments = time.table("bauplan.payments");
    assertThat(payments.checksMillis()).as("its checks").isNotNull().isNotNegative();
    assertThat(payments.previewMillis()).as("the merge adds it: previewed").isNotNull();
    MergeEvidence.TableTime merchants = time.table("bauplan.merchants");
    assertThat(merchants.checksMillis()).as("checked: it is on the ref published").isNotNull();
    assertThat(merchants.previewMillis()).as("unchanged: not previewed").isNull();
    assertThat(only(RunEvent.MergeRequested.class).auditTime()).isEqualTo(time);
  }

  @Test
  void anAuditThatDoesNotTimeItsTablesStillGivesTheTotalAndThePreviews() throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    Audit untimed =
        ref -> new Verifier(lake, new SourceRowCounter(null)).verify(ref, PAYMENTS_KEYED);
    gate(MergePolicy.ASK, desk, untimed);
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    lake.merge("b", "main", TURN_2);

    MergeEvidence.AuditTime time = desk.asked.get(0).auditTime();
    assertThat(time.millis()).isNotNull();
    assertThat(time.tables())
        .extracting(MergeEvidence.TableTime::table)
        .containsExactly("bauplan.payments");
    assertThat(time.table("bauplan.payments").checksMillis()).isNull();
    assertThat(time.table("bauplan.payments").previewMillis()).isNotNull();
  }

  private static MergeEvidence.TablePreview preview(
      List<MergeEvidence.TablePreview> previews, String table) {
    return previews.stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
  }

  @Test
  void askRejectedToTheAgentKeepsMainAndTheRunGoesOn() throws Exception {
    gate(
        MergePolicy.ASK,
        new MergeDesk(new MergeVerdict.RejectToAgent("amounts are in cents, divide by 100")),
        checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,1000\n", "b", TURN_1);
    String mainBefore = lake.resolve("main").hash();

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("amounts are in cents, divide by 100");

    assertThat(lake.resolve("main").hash()).isEqualTo(mainBefore);
    assertThat(only(RunEvent.MergeDecided.class))
        .isEqualTo(
            new RunEvent.MergeDecided(
                2,
                NOW,
                "b",
                "main",
                false,
                "human:alice",
                "amounts are in cents, divide by 100",
                false));
    assertThat(endedWith).isEmpty();
  }

  @Test
  void askRejectedAndEndedStopsTheRunKeepingTheBranch() throws Exception {
    gate(
        MergePolicy.ASK,
        new MergeDesk(new MergeVerdict.RejectAndEnd("wrong source files")),
        checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining("wrong source files");

    assertThat(lake.hasTable("main", "payments")).isFalse();
    assertThat(lake.hasBranch("b")).isTrue();
    RunEvent.MergeDecided decided = only(RunEvent.MergeDecided.class);
    assertThat(decided.approved()).isFalse();
    assertThat(decided.by()).isEqualTo("human:alice");
    assertThat(decided.reason()).isEqualTo("wrong source files");
    assertThat(decided.endsRun()).isTrue();
    assertThat(endedWith)
        .containsExactly(
            "the supervisor rejected the merge of b into main and ended the run: wrong source"
                + " files (the branch is kept: inspect it with `airlock lakehouse tables b`)");
  }

  @Test
  void askUnansweredIsThePolicysRefusalAndEndsTheRun() throws Exception {
    gate(
        MergePolicy.ASK,
        new MergeDesk(new MergeVerdict.Unanswered("no terminal")),
        checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining("nobody answered the merge request (no terminal)");

    assertThat(lake.hasTable("main", "payments")).isFalse();
    RunEvent.MergeDecided decided = only(RunEvent.MergeDecided.class);
    assertThat(decided.by()).isEqualTo("policy:ask (no terminal)");
    assertThat(decided.approved()).isFalse();
    assertThat(decided.endsRun()).isTrue();
    assertThat(endedWith).hasSize(1);
    assertThat(endedWith.get(0))
        .startsWith("policy:ask (no terminal) refused the merge of b into main and ended the run:");
  }

  @Test
  void askWhenTheChecksCannotRunStillAsksTheHumanAndSaysWhy() throws Exception {
    MergeDesk desk = new MergeDesk(new MergeVerdict.Approve());
    gate(MergePolicy.ASK, desk, throwing("the warehouse disk is full"));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    lake.merge("b", "main", TURN_2);

    assertThat(desk.asked.get(0).verification()).isNull();
    assertThat(desk.asked.get(0).checksPassed()).isFalse();
    RunEvent.Notice notice = only(RunEvent.Notice.class);
    assertThat(notice.severity()).isEqualTo(RunEvent.Notice.Severity.ERROR);
    assertThat(notice.message())
        .isEqualTo(
            "the checks could not run on the merge of b into main: the warehouse disk is full");
    RunEvent.MergeRequested requested = only(RunEvent.MergeRequested.class);
    assertThat(requested.verification()).isNull();
    assertThat(requested.checksPassed()).isNull();
  }

  @Test
  void autoIfGreenMergesWhenEveryCheckPassesWithoutAskingAnyone() throws Exception {
    gate(MergePolicy.AUTO_IF_GREEN, new MergeDesk(null), checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,20\n", "b", TURN_1);

    lake.merge("b", "main", TURN_2);

    assertThat(lake.table("main", "payments").records()).isEqualTo(2L);
    assertThat(only(RunEvent.MergeRequested.class).policy()).isEqualTo("auto-if-green");
    assertThat(only(RunEvent.MergeDecided.class))
        .isEqualTo(
            new RunEvent.MergeDecided(
                2, NOW, "b", "main", true, "policy:auto-if-green", null, false));
  }

  @Test
  void autoIfGreenRefusesAFailingAuditNamingTheFailedCheck() throws Exception {
    gate(MergePolicy.AUTO_IF_GREEN, new MergeDesk(null), checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n2,-5\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining("the audit failed, so the merge was refused: ")
        .hasMessageContaining("amounts_positive");

    assertThat(lake.hasTable("main", "payments")).isFalse();
    RunEvent.MergeRequested requested = only(RunEvent.MergeRequested.class);
    assertThat(requested.checksPassed()).isFalse();
    assertThat(requested.verification()).isNotNull();
    RunEvent.MergeDecided decided = only(RunEvent.MergeDecided.class);
    assertThat(decided.by()).isEqualTo("policy:auto-if-green");
    assertThat(decided.reason()).startsWith("the audit failed, so the merge was refused: ");
    assertThat(decided.reason()).contains("amounts_positive");
    assertThat(decided.endsRun()).isFalse();
  }

  @Test
  void autoIfGreenRefusesWhenTheAuditThrows() throws Exception {
    gate(MergePolicy.AUTO_IF_GREEN, new MergeDesk(null), throwing("DuckDB ran out of memory"));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining(
            "the checks could not run, so the merge was refused: DuckDB ran out of memory");

    assertThat(lake.hasTable("main", "payments")).isFalse();
    assertThat(only(RunEvent.MergeRequested.class).checksPassed()).isNull();
    assertThat(only(RunEvent.MergeDecided.class).approved()).isFalse();
    assertThat(only(RunEvent.Notice.class).message()).contains("DuckDB ran out of memory");
  }

  @Test
  void autoIfGreenRefusesEveryMergeWithAnUnavailableAudit() throws Exception {
    gate(
        MergePolicy.AUTO_IF_GREEN,
        new MergeDesk(null),
        Audit.unavailable("this lakehouse has no verifier"));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining("the checks could not run, so the merge was refused")
        .hasMessageContaining("this lakehouse has no verifier");

    assertThat(lake.hasTable("main", "payments")).isFalse();
  }

  @Test
  void aGateWithoutAnAuditCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                new RunMergeGate(
                    MergePolicy.AUTO_IF_GREEN,
                    new MergeDesk(null),
                    journal,
                    null,
                    new TablePreviews(lake),
                    events::add,
                    clock))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Audit.unavailable");
  }

  @Test
  void neverRefusesEveryMergeAsADryRunAfterAuditingIt() throws Exception {
    gate(MergePolicy.NEVER, new MergeDesk(null), checks(PAYMENTS_KEYED));
    lake.createBranch("b", "main");
    load("payments", "id,amount\n1,10\n", "b", TURN_1);

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_2))
        .hasMessageContaining("this is a dry run (merge policy never): nothing reaches main");

    assertThat(lake.hasTable("main", "payments")).isFalse();
    assertThat(only(RunEvent.MergeRequested.class).checksPassed()).isTrue();
    RunEvent.MergeDecided decided = only(RunEvent.MergeDecided.class);
    assertThat(decided.by()).isEqualTo("policy:never");
    assertThat(decided.endsRun()).isFalse();
    assertThat(endedWith).isEmpty();
  }

  /**
   * Three-way merges keep what main gained since a branch left it. Branch b drops merchant C;
   * meanwhile branch c's payments to C are merged. Each branch passes the checks on its own, but
   * merging b publishes payments to a merchant main no longer knows: the gate must audit what it
   * would publish, not the branch.
   */
  @Test
  void autoIfGreenAuditsTheMergeResultNotTheBranch() throws Exception {
    Expectations expect =
        expectations(
            """
            tables:
              payments: {id_columns: [id]}
              merchants: {id_columns: [merchant]}
            checks:
              - name: merchants_known
                sql: SELECT p.merchant FROM payments p LEFT JOIN merchants m ON p.merchant = m.merchant WHERE m.merchant IS NULL
            """);
    gate(MergePolicy.AUTO_IF_GREEN, new MergeDesk(null), checks(expect));
    lake.createBranch("a", "main");
    load("payments", "id,merchant\n1,A\n", "a", TURN_1);
    load("merchants", "merchant,name\nA,Alpha\nC,Gamma\n", "a", TURN_1);
    lake.merge("a", "main", TURN_1);
    lake.createBranch("b", "main");
    replace("merchants", "merchant,name\nA,Alpha\n", "b", TURN_1);
    lake.createBranch("c", "main");
    lake.importData("payments", csv("pay_c.csv", "id,merchant\n2,C\n"), "c", TURN_1);
    lake.merge("c", "main", TURN_1);
    String mainBefore = lake.resolve("main").hash();

    assertThatThrownBy(() -> lake.merge("b", "main", TURN_1))
        .hasMessageContaining("merchants_known");

    assertThat(lake.resolve("main").hash()).isEqualTo(mainBefore);
    assertThat(new Verifier(lake, new SourceRowCounter(null)).verify("b", expect).passed())
        .as("the branch alone passes")
        .isTrue();
  }

  /** A human at the merge desk: answers every merge request with one verdict. */
  private static final class MergeDesk implements Supervisor {
    private final MergeVerdict answer;
    final List<MergeEvidence> asked = new ArrayList<>();

    MergeDesk(MergeVerdict answer) {
      this.answer = answer;
    }

    @Override
    public Decision review(Proposal proposal) {
      throw new AssertionError("the merge gate never reviews code");
    }

    @Override
    public String policy() {
      return "ask";
    }

    @Override
    public MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
      if (answer == null) {
        throw new AssertionError("this policy decides merges without asking the human");
      }
      asked.add(evidence);
      return answer;
    }

    @Override
    public String reviewer() {
      return "human:alice";
    }
  }

  private static Audit throwing(String message) {
    return ref -> {
      throw new IllegalStateException(message);
    };
  }

  private void decided(int turn, Decision.Verdict verdict, String by, String sha) {
    journal.onEvent(new RunEvent.Decided(turn, NOW, verdict, by, "code", "code", sha, null, null));
  }

  private void modelResponded(int turn, Usage usage, Double cost) {
    journal.onEvent(
        new RunEvent.ModelResponded(turn, NOW, "<code>pass</code>", usage, cost, 10, 1, "stop"));
  }

  private <T extends RunEvent> T only(Class<T> type) {
    List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as("events of type " + type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private void load(String table, String text, String branch, WriteContext context)
      throws Exception {
    String file = csv(table + "_" + branch + "_" + context.turn() + ".csv", text);
    lake.createTable(table, file, branch, false, context);
    lake.importData(table, file, branch, context);
  }

  private void replace(String table, String text, String branch, WriteContext context)
      throws Exception {
    String file = csv(table + "_" + branch + "_" + context.turn() + "_r.csv", text);
    lake.createTable(table, file, branch, true, context);
    lake.importData(table, file, branch, context);
  }

  private String csv(String name, String text) throws Exception {
    return Files.writeString(raw.resolve(name), text).toString();
  }

  private static Expectations expectations(String yaml) {
    try {
      return ExpectationsLoader.parse(yaml, "test", false);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
