package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 end to end: the audit at the merge gate, post-merge check and revert, fork from a turn.
 */
class AuditRunTest {
  private static final String TABLES =
      "[\"payments\", \"acquirer_countries\", \"merchant_category_codes\","
          + " \"merchant_data\", \"fees\"]";

  @TempDir Path dir;
  private DemoRaw demo;
  private Path raw;
  private Path home;
  private Path runs;

  @BeforeEach
  void demoData() throws Exception {
    demo = new DemoRaw(1_500);
    raw = demo.dir;
    home = dir.resolve("lakehouse");
    runs = dir.resolve("runs");
  }

  @AfterEach
  void deleteDemoData() throws Exception {
    demo.close();
  }

  /**
   * Imports every demo table on the branch; payments {@code paymentImports} times (2 plants
   * duplicate IDs).
   */
  private static String load(int paymentImports, boolean merge) {
    return "<reasoning>load</reasoning><code>\nimport bauplan\nc = bauplan.Client()\nb = 'me.audit'\n"
        + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
        + "for t in "
        + TABLES
        + ":\n"
        + "    u = f'/raw/{t}.parquet'\n"
        + "    c.create_table(table=t, search_uri=u, branch=b, replace=True)\n"
        + "    for _ in range("
        + paymentImports
        + " if t == 'payments' else 1):\n"
        + "        s = c.import_data(table=t, search_uri=u, branch=b)\n"
        + "        assert not s.error, s.error\n"
        + (merge
            ? "c.merge_branch(source_ref=b, into_branch='main')\nprint('merged')\n"
            : "print('loaded')\n")
        + "</code>";
  }

  private Path script(String name, String... responses) throws Exception {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, Json.mapper().writeValueAsString(List.of(responses)));
    return file;
  }

  private CliRunner.Result airlock(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--raw",
            raw.toString(),
            "--home",
            home.toString(),
            "--runs-dir",
            runs.toString(),
            "--json"));
    return CliRunner.typing(stdin, all.toArray(String[]::new));
  }

  private List<String> tables(String ref) {
    return CliRunner.tables(home, ref);
  }

  @Test
  void unattendedRunsPublishOnlyGreenDataAndAPlantedDefectIsRefusedWithItsEvidence()
      throws Exception {
    Path s =
        script(
            "defect",
            load(2, true),
            load(1, true),
            "<done>published after fixing duplicates</done>");
    CliRunner.Result r =
        airlock(
            "",
            "run",
            "--model",
            "scripted:" + s,
            "--approve",
            "auto",
            "--merge",
            "auto-if-green",
            "--expect",
            "builtin:demo");

    assertThat(r.exit()).as(r.err()).isZero();
    RunHistory h = r.history();
    TurnRecord first = h.turns().get(0);
    RunEvent.MergeRequested refused = first.merges().get(0);
    assertThat(refused.checksPassed()).isFalse();
    assertThat(Json.mapper().writeValueAsString(refused.verification()))
        .contains("psp_reference", "SELECT");
    assertThat(first.mergeDecisions().get(0).approved()).isFalse();
    assertThat(first.mergeDecisions().get(0).reason())
        .contains("the audit failed")
        .contains("psp_reference");
    assertThat(first.execution().stderr()).contains("MergeForbiddenError");
    assertThat(refused.provenance())
        .filteredOn(p -> p.table().equals("bauplan.payments"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.turn()).isEqualTo(1);
              assertThat(p.codeSha256()).isEqualTo(first.decision().executedSha256());
              assertThat(p.approvedBy()).isEqualTo("policy:auto");
              assertThat(p.how()).isEqualTo("as proposed");
            });

    TurnRecord second = h.turns().get(1);
    assertThat(second.merges().get(0).checksPassed()).isTrue();
    assertThat(second.mergeDecisions().get(0).approved()).isTrue();
    assertThat(tables("main")).contains("payments:1500");
    assertThat(second.lakehouseCalls()).isNotEmpty();
    assertThat(r.err()).contains("merge of me.audit into main approved by policy:auto-if-green");
  }

  @Test
  void theHumanRejectsWithAReasonTheAgentFixesTheDataAndMainIsUntouchedUntilThen()
      throws Exception {
    Path s = script("human", load(2, true), load(1, true), "<done>fixed</done>");
    CliRunner.Result r =
        airlock(
            "n\npsp_reference has duplicates: import payments once\ns\ny\n",
            "run",
            "--model",
            "scripted:" + s,
            "--approve",
            "auto",
            "--merge",
            "ask",
            "--expect",
            "builtin:demo");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "Merge request: me.audit",
            "checks:",
            "provenance:",
            "turn 1, code sha256",
            "  preview bauplan.payments (first 12 of 21 columns)\n    psp_reference | merchant | ",
            "[s]end the reason to the agent");
    RunHistory h = r.history();
    assertThat(h.turns().get(0).mergeDecisions().get(0).reason())
        .isEqualTo("psp_reference has duplicates: import payments once");
    assertThat(h.turns().get(0).execution().stderr())
        .contains("psp_reference has duplicates: import payments once");
    assertThat(h.turns().get(1).mergeDecisions().get(0).approved()).isTrue();
    assertThat(tables("main")).contains("payments:1500");
  }

  @Test
  void endingTheRunAtTheGateKeepsTheBranchAndMain() throws Exception {
    Path s = script("end", load(2, true), "<done>x</done>");
    CliRunner.Result r =
        airlock(
            "n\nnot this data\ne\n",
            "run",
            "--model",
            "scripted:" + s,
            "--approve",
            "auto",
            "--merge",
            "ask");
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.out()).contains("\"status\":\"stopped\"", "not this data");
    assertThat(tables("main")).isEmpty();
    assertThat(tables("me.audit")).contains("payments:3000");
  }

  @Test
  void mergeAskWithoutATerminalIsThePolicysRefusalNotAPersonsAndSaysSo() throws Exception {
    Path s = script("unattended", load(1, true), "<done>x</done>");
    CliRunner.Result r =
        airlock("", "run", "--model", "scripted:" + s, "--approve", "auto", "--merge", "ask");

    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    RunEvent.MergeDecided decided = r.history().turns().get(0).mergeDecisions().get(0);
    assertThat(decided.approved()).isFalse();
    assertThat(decided.by()).isEqualTo("policy:ask (no terminal)");
    assertThat(decided.reason())
        .contains("nobody answered the merge request", "merge policy auto-if-green");
    assertThat(decided.endsRun()).isTrue();
    assertThat(r.err())
        .contains("merge of me.audit into main refused by policy:ask (no terminal)")
        .doesNotContain("by human:");
    assertThat(tables("main")).isEmpty();
    assertThat(tables("me.audit")).contains("payments:1500");
  }

  @Test
  void aFailingPostMergeCheckIsLoudAndRevertMergeRestoresMain() throws Exception {
    Path s = script("override", load(2, true), "<done>merged</done>");
    CliRunner.Result r =
        airlock(
            "y\n",
            "run",
            "--model",
            "scripted:" + s,
            "--approve",
            "auto",
            "--merge",
            "ask",
            "--expect",
            "builtin:demo");
    assertThat(r.err())
        .contains("POST-MERGE CHECK FAILED on main", "airlock lakehouse revert-merge");
    RunHistory h = r.history();
    RunEvent.PostMergeChecked check = h.turns().get(0).postMergeChecks().get(0);
    assertThat(check.passed()).isFalse();
    assertThat(tables("main")).contains("payments:3000");
    String merge = check.mergeCommit().substring(0, 12);
    // The replay names the command that undoes the merge, as the live run did.
    assertThat(
            CliRunner.run("replay", r.history().started().runId(), "--runs-dir", runs.toString())
                .out())
        .contains(
            "✘ POST-MERGE CHECK FAILED on main after merge " + merge + ": ",
            ". Undo it with: `airlock lakehouse revert-merge " + merge + "`");

    CliRunner.Result revert =
        CliRunner.run(
            "lakehouse",
            "--home",
            home.toString(),
            "revert-merge",
            check.mergeCommit().substring(0, 12),
            "--yes");
    assertThat(revert.exit()).as(revert.err()).isZero();
    assertThat(tables("main")).isEmpty();
    assertThat(CliRunner.run("lakehouse", "--home", home.toString(), "log", "main").out())
        .contains("Revert merge " + check.mergeCommit().substring(0, 12));
  }

  @Test
  void aForkFromTurnTwoStartsFromThatTurnsConversationAndDataAndLeavesTheOldRunAlone()
      throws Exception {
    String step =
        "<reasoning>step</reasoning><code>\nimport bauplan\nc = bauplan.Client()\nb = 'me.steps'\n"
            + "c.create_branch(b, from_ref='main', if_not_exists=True)\n"
            + "c.create_table(table='%1$s', search_uri='/raw/%1$s.parquet', branch=b, replace=True)\n"
            + "c.import_data(table='%1$s', search_uri='/raw/%1$s.parquet', branch=b)\nprint('%1$s loaded')\n</code>";
    Path s =
        script(
            "four",
            step.formatted("fees"),
            step.formatted("merchant_data"),
            step.formatted("payments"),
            "<done>three tables</done>");
    CliRunner.Result original =
        airlock("", "run", "--model", "scripted:" + s, "--approve", "auto", "--merge", "never");
    assertThat(original.exit()).as(original.err()).isZero();
    String runId = Json.mapper().readTree(original.out()).get("run_id").asText();
    Path transcript = runs.resolve(runId + ".jsonl");
    byte[] before = Files.readAllBytes(transcript);

    Path next =
        script(
            "forked",
            "<reasoning>look</reasoning><code>\nimport bauplan\nc = bauplan.Client()\n"
                + "for br in c.get_branches(name='_fork_'):\n"
                + "    print(br.name, sorted(t.name for t in c.get_tables(ref=br.name)))\n</code>",
            "<done>forked</done>");
    CliRunner.Result fork =
        airlock(
            "",
            "run",
            "--model",
            "scripted:" + next,
            "--approve",
            "auto",
            "--merge",
            "never",
            "--fork",
            runId + "@2");

    assertThat(fork.exit()).as(fork.err()).isZero();
    assertThat(fork.err()).contains("['fees', 'merchant_data']").doesNotContain("'payments'");
    RunHistory h = fork.history();
    assertThat(h.started().forkedFrom()).isEqualTo(runId + "@2");
    assertThat(h.turns().get(0).turn()).isEqualTo(3);
    String lastUser =
        h.turns()
            .get(0)
            .request()
            .messages()
            .get(h.turns().get(0).request().messages().size() - 1)
            .content();
    assertThat(lastUser)
        .contains(
            "merchant_data loaded",
            "continues run " + runId + " after its turn 2",
            "me.steps is now me.steps_fork_");
    assertThat(h.turns().get(0).request().messages()).hasSize(6);
    assertThat(Files.readAllBytes(transcript)).isEqualTo(before);
    assertThat(tables("me.steps")).hasSize(3);
  }

  @Test
  void autoWhileGreenApprovesUntilACheckFailsThenAsksTheHumanWithTheEvidence() throws Exception {
    String again =
        "<reasoning>more</reasoning><code>\nimport bauplan\nc = bauplan.Client()\n"
            + "c.import_data(table='payments', search_uri='/raw/payments.parquet', branch='me.audit')\nprint('again')\n</code>";
    Path s =
        script(
            "green",
            load(1, false),
            again,
            "<code>print('next')</code>",
            "<done>stopped planting</done>");
    CliRunner.Result r =
        airlock(
            "n\nstop importing payments again\n",
            "run",
            "--model",
            "scripted:" + s,
            "--approve",
            "auto-while-green",
            "--merge",
            "never");

    assertThat(r.exit()).as(r.err()).isZero();
    RunHistory h = r.history();
    assertThat(h.turns().get(0).decision().by()).isEqualTo("policy:auto-while-green");
    assertThat(h.turns().get(1).decision().by()).isEqualTo("policy:auto-while-green");
    assertThat(h.turns().get(2).decision().by()).startsWith("human:");
    assertThat(h.turns().get(2).decision().feedback()).isEqualTo("stop importing payments again");
    assertThat(h.turns().get(2).execution()).isNull();
    assertThat(r.out() + r.err())
        .contains(
            "check id_unique:bauplan.payments:psp_reference fails", "evidence: SELECT COUNT(*)");
  }
}
