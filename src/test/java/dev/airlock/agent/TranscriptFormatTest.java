package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptException;
import dev.airlock.transcript.TranscriptWriter;
import dev.airlock.verify.CheckKind;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the exact stored shape of transcript records: a change here is a format change. */
class TranscriptFormatTest {
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void recordsHaveTheirPinnedShape(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0,
              T,
              RunEvent.FORMAT,
              "r1",
              "scripted:s.json",
              "bwrap",
              true,
              "auto",
              8,
              "file:///raw",
              "me.airlock_r1",
              null,
              Map.of("exec_timeout_s", "300")));
      w.append(
          new RunEvent.ModelRequested(
              1, T, "scripted:s.json", List.of(ChatMessage.system("S"), ChatMessage.user("U"))));
      w.append(
          new RunEvent.ModelResponded(
              1, T, "<code>x=1</code>", new Usage(10, 5), null, 12, 1, "stop"));
      w.append(
          new RunEvent.Decided(
              1,
              T,
              Decision.Verdict.APPROVE_EDITED,
              "human:me",
              "x=1\n",
              "x=2\n",
              "ab",
              "diff",
              null));
      w.append(new RunEvent.PolicyChanged(1, T, "ask", "auto", "human:me"));
      w.append(new RunEvent.ExecutionFinished(1, T, "OK", 0, "out", "", 0, 0, null, 40, List.of()));
      w.append(
          new RunEvent.RunFinished(
              1,
              T,
              RunStatus.DONE,
              "the agent finished",
              1,
              new Usage(10, 5),
              null,
              "me.airlock_r1",
              "done"));
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"type\":\"run_started\",\"turn\":0,\"at\":\"2026-11-26T10:00:00Z\",\"format\":\"airlock-transcript/2\","
                + "\"runId\":\"r1\",\"model\":\"scripted:s.json\",\"sandbox\":\"bwrap\",\"isolated\":true,\"approval\":\"auto\","
                + "\"maxTurns\":8,\"rawUri\":\"file:///raw\",\"branch\":\"me.airlock_r1\",\"settings\":{\"exec_timeout_s\":\"300\"}}",
            "{\"type\":\"model_requested\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"model\":\"scripted:s.json\","
                + "\"messages\":[{\"role\":\"SYSTEM\",\"content\":\"S\"},{\"role\":\"USER\",\"content\":\"U\"}]}",
            "{\"type\":\"model_responded\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"raw\":\"<code>x=1</code>\","
                + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5},\"latencyMs\":12,\"attempts\":1,\"finishReason\":\"stop\"}",
            "{\"type\":\"decided\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"verdict\":\"APPROVE_EDITED\",\"by\":\"human:me\","
                + "\"proposedCode\":\"x=1\\n\",\"executedCode\":\"x=2\\n\",\"executedSha256\":\"ab\",\"diff\":\"diff\"}",
            "{\"type\":\"policy_changed\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"from\":\"ask\",\"to\":\"auto\","
                + "\"by\":\"human:me\"}",
            "{\"type\":\"execution_finished\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"status\":\"OK\",\"exitCode\":0,"
                + "\"stdout\":\"out\",\"stderr\":\"\",\"stdoutDroppedBytes\":0,\"stderrDroppedBytes\":0,\"durationMs\":40,"
                + "\"missingPackages\":[]}",
            "{\"type\":\"run_finished\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"status\":\"DONE\",\"reason\":\"the agent finished\","
                + "\"turns\":1,\"usage\":{\"inputTokens\":10,\"outputTokens\":5},\"branch\":\"me.airlock_r1\",\"summary\":\"done\"}");

    RunHistory h = RunHistory.read(file);
    assertThat(h.status()).isEqualTo(RunStatus.DONE);
    RunProjection replayed = new RunProjection();
    replayed.apply(h.started());
    h.turns().forEach(t -> replayed.applyAll(t.events()));
    assertThat(replayed.approval()).isEqualTo("auto");
    assertThat(h.turns())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.request().messages())
                  .extracting(ChatMessage::content)
                  .containsExactly("S", "U");
              assertThat(t.decision().executedCode()).isEqualTo("x=2\n");
              assertThat(t.events())
                  .contains(new RunEvent.PolicyChanged(1, T, "ask", "auto", "human:me"));
              assertThat(t.execution().stdout()).isEqualTo("out");
            });
  }

  @Test
  void budgetRecordsHaveTheirPinnedShape(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0,
              T,
              RunEvent.FORMAT,
              "r1",
              "m",
              "bwrap",
              true,
              "auto",
              8,
              null,
              "b",
              null,
              Map.of()));
      w.append(
          new RunEvent.ModelResponded(
              3, T, "<code>x=1</code>", new Usage(12000, 480), null, 12, 1, "stop"));
      w.append(
          new RunEvent.BudgetReached(
              3,
              T,
              List.of("tokens", "time"),
              new BudgetFigures(12480L, 0.25, 660L),
              new BudgetFigures(10000L, null, 600L)));
      w.append(
          new RunEvent.BudgetDecided(
              3, T, "human:me", "extend", new BudgetFigures(20000L, null, 1200L), null));
      w.append(
          new RunEvent.BudgetDecided(
              3, T, "policy:auto", "stop", null, "nobody is there to extend it"));
      w.append(new RunEvent.DecisionWithdrawn(3, T, "budget-3-2", "budget", "stopped"));
      w.append(
          new RunEvent.RunFinished(
              3,
              T,
              RunStatus.BUDGET,
              "the run reached its budget: 12,480 of 10,000 tokens",
              3,
              new Usage(12000, 480),
              null,
              "me.airlock_r1",
              null));
    }
    assertThat(Files.readAllLines(file).subList(2, 7))
        .containsExactly(
            "{\"type\":\"budget_reached\",\"turn\":3,\"at\":\"2026-11-26T10:00:00Z\",\"limits\":[\"tokens\",\"time\"],"
                + "\"used\":{\"tokens\":12480,\"usd\":0.25,\"seconds\":660},\"limit\":{\"tokens\":10000,\"seconds\":600}}",
            "{\"type\":\"budget_decided\",\"turn\":3,\"at\":\"2026-11-26T10:00:00Z\",\"by\":\"human:me\",\"verdict\":\"extend\","
                + "\"limit\":{\"tokens\":20000,\"seconds\":1200}}",
            "{\"type\":\"budget_decided\",\"turn\":3,\"at\":\"2026-11-26T10:00:00Z\",\"by\":\"policy:auto\",\"verdict\":\"stop\","
                + "\"reason\":\"nobody is there to extend it\"}",
            "{\"type\":\"decision_withdrawn\",\"turn\":3,\"at\":\"2026-11-26T10:00:00Z\",\"decision\":\"budget-3-2\","
                + "\"kind\":\"budget\",\"reason\":\"stopped\"}",
            "{\"type\":\"run_finished\",\"turn\":3,\"at\":\"2026-11-26T10:00:00Z\",\"status\":\"BUDGET\","
                + "\"reason\":\"the run reached its budget: 12,480 of 10,000 tokens\",\"turns\":3,"
                + "\"usage\":{\"inputTokens\":12000,\"outputTokens\":480},\"branch\":\"me.airlock_r1\"}");

    RunHistory h = RunHistory.read(file);
    assertThat(h.status()).isEqualTo(RunStatus.BUDGET);
    assertThat(h.skippedLines()).isEmpty();
    TurnRecord turn = h.turns().get(0);
    assertThat(turn.events())
        .filteredOn(e -> e instanceof RunEvent.BudgetReached || e instanceof RunEvent.BudgetDecided)
        .extracting(BudgetWords::of)
        .containsExactly(
            "budget reached after turn 3: 12,480 of 10,000 tokens, 11 min of 10 min",
            "human:me extended the budget to 20,000 tokens, 20 min",
            "policy:auto stopped the run at its budget: nobody is there to extend it");
  }

  /** A report with a passing catalog check (no table, no SQL) and a failing one with rows. */
  static VerificationReport report() {
    return new VerificationReport(
        "me.x",
        "c1",
        T,
        "builtin:demo",
        List.of(
            new CheckResult(
                "tables_exist",
                CheckKind.TABLES_EXIST,
                null,
                Verdict.PASS,
                "all 1 expected tables exist",
                List.of(
                    new Evidence(
                        null,
                        List.of("table"),
                        List.of(List.of("bauplan.fees")),
                        false,
                        "tables on the ref, from the catalog"))),
            new CheckResult(
                "id_unique:bauplan.fees:ID",
                CheckKind.ID_UNIQUE,
                "bauplan.fees",
                Verdict.FAIL,
                "ID column ID of bauplan.fees has 1 duplicate rows",
                List.of(
                    new Evidence(
                        "SELECT \"ID\", COUNT(*) AS copies FROM \"bauplan\".\"fees\"",
                        List.of("ID", "copies"),
                        List.of(Arrays.asList(7L, 2L), Arrays.asList(null, 2L)),
                        false,
                        null)))));
  }

  @Test
  void checkReportsAreTypedRecordsWithAPinnedShape(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0, T, RunEvent.FORMAT, "r1", "m", "s", true, "auto", 8, null, null, null, Map.of()));
      w.append(
          new RunEvent.MergeRequested(
              1,
              T,
              "me.x",
              "c1",
              "main",
              "c0",
              List.of(new RunEvent.TableChange("bauplan.fees", "added", null, 2L, List.of())),
              "ask",
              report(),
              false,
              List.of(
                  new MergeEvidence.Provenance(
                      "bauplan.fees", 1, "ab", "policy:auto", "as proposed")),
              Usage.NONE,
              null,
              List.of(
                  new MergeEvidence.TablePreview(
                      "bauplan.fees",
                      List.of("ID", "fee"),
                      List.of(Arrays.asList(7L, 1.5), Arrays.asList(8L, null)),
                      true,
                      null)),
              new MergeEvidence.AuditTime(
                  131L, List.of(new MergeEvidence.TableTime("bauplan.fees", 120L, 9L)))));
      w.append(
          new RunEvent.PostMergeChecked(
              1, T, "c2", false, "2 checks: 1 passed, 1 failed, 0 errors", report()));
    }
    String reportJson =
        "{\"format_version\":1,\"ref\":\"me.x\",\"commit\":\"c1\",\"checked_at\":\"2026-11-26T10:00:00Z\","
            + "\"expectations\":\"builtin:demo\",\"passed\":false,"
            + "\"counts\":{\"checks\":2,\"pass\":1,\"fail\":1,\"error\":0},\"checks\":["
            + "{\"id\":\"tables_exist\",\"kind\":\"tables_exist\",\"verdict\":\"PASS\","
            + "\"summary\":\"all 1 expected tables exist\",\"evidence\":[{\"columns\":[\"table\"],"
            + "\"rows\":[[\"bauplan.fees\"]],\"truncated\":false,\"note\":\"tables on the ref, from the catalog\"}]},"
            + "{\"id\":\"id_unique:bauplan.fees:ID\",\"kind\":\"id_unique\",\"table\":\"bauplan.fees\","
            + "\"verdict\":\"FAIL\",\"summary\":\"ID column ID of bauplan.fees has 1 duplicate rows\","
            + "\"evidence\":[{\"sql\":\"SELECT \\\"ID\\\", COUNT(*) AS copies FROM \\\"bauplan\\\".\\\"fees\\\"\","
            + "\"columns\":[\"ID\",\"copies\"],\"rows\":[[7,2],[null,2]],\"truncated\":false}]}]}";
    assertThat(Files.readAllLines(file).subList(1, 3))
        .containsExactly(
            "{\"type\":\"merge_requested\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"source\":\"me.x\","
                + "\"sourceCommit\":\"c1\",\"target\":\"main\",\"targetCommit\":\"c0\","
                + "\"changes\":[{\"table\":\"bauplan.fees\",\"change\":\"added\",\"rowsAfter\":2,\"schemaChanges\":[]}],"
                + "\"policy\":\"ask\",\"verification\":"
                + reportJson
                + ",\"checksPassed\":false,\"provenance\":[{\"table\":\"bauplan.fees\",\"turn\":1,"
                + "\"codeSha256\":\"ab\",\"approvedBy\":\"policy:auto\",\"how\":\"as proposed\"}],"
                + "\"usage\":{\"inputTokens\":0,\"outputTokens\":0},"
                + "\"previews\":[{\"table\":\"bauplan.fees\",\"columns\":[\"ID\",\"fee\"],"
                + "\"rows\":[[7,1.5],[8,null]],\"truncated\":true}],"
                + "\"auditTime\":{\"millis\":131,\"tables\":[{\"table\":\"bauplan.fees\","
                + "\"checksMillis\":120,\"previewMillis\":9}]}}",
            "{\"type\":\"post_merge_checked\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"mergeCommit\":\"c2\","
                + "\"passed\":false,\"summary\":\"2 checks: 1 passed, 1 failed, 0 errors\",\"report\":"
                + reportJson
                + "}");

    TurnRecord turn = RunHistory.read(file).turns().get(0);
    for (VerificationReport read :
        List.of(turn.merges().get(0).verification(), turn.postMergeChecks().get(0).report())) {
      assertThat(read.checkedAt()).isEqualTo(T);
      assertThat(read.passed()).isFalse();
      assertThat(read.checks())
          .extracting(CheckResult::kind, CheckResult::table)
          .containsExactly(
              tuple(CheckKind.TABLES_EXIST, null), tuple(CheckKind.ID_UNIQUE, "bauplan.fees"));
      CheckResult failed = read.problems().get(0);
      assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
      Evidence evidence = failed.evidence().get(0);
      assertThat(evidence.sql()).startsWith("SELECT \"ID\"");
      assertThat(evidence.columns()).containsExactly("ID", "copies");
      assertThat(evidence.rows().toString()).isEqualTo("[[7, 2], [null, 2]]");
      assertThat(evidence.note()).isNull();
    }
    MergeEvidence.TablePreview preview = turn.merges().get(0).tablePreviews().get(0);
    assertThat(preview.columns()).containsExactly("ID", "fee");
    assertThat(preview.rows().toString()).isEqualTo("[[7, 1.5], [8, null]]");
    assertThat(preview.truncated()).isTrue();
    MergeEvidence.AuditTime time = turn.merges().get(0).auditTime();
    assertThat(time.millis()).isEqualTo(131L);
    assertThat(time.table("bauplan.fees"))
        .isEqualTo(new MergeEvidence.TableTime("bauplan.fees", 120L, 9L));
  }

  @Test
  void aTranscriptOfAnUnknownFormatIsRefusedNamingItAndWhatToDo(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0,
              T,
              "airlock-transcript/3",
              "r1",
              "m",
              "s",
              true,
              "auto",
              8,
              null,
              null,
              null,
              Map.of()));
    }
    assertThatThrownBy(() -> RunHistory.read(file))
        .isInstanceOf(TranscriptException.class)
        .hasMessageContaining("has format airlock-transcript/3")
        .hasMessageContaining("it reads airlock-transcript/1 and airlock-transcript/2")
        .hasMessageContaining("with the Airlock version that wrote it, or a newer one");
  }

  @Test
  void secretsNeverReachTheFileAndACrashCutLastLineIsSkipped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    String key = "sk-live-1234567890abcdef";
    try (TranscriptWriter w =
        TranscriptWriter.create(
            file, Redactor.fromVariables(Map.of("OPENAI_API_KEY", key, "HOME", "/root")))) {
      w.append(
          new RunEvent.RunStarted(
              0, T, RunEvent.FORMAT, "r1", "m", "s", true, "auto", 8, null, null, null, Map.of()));
      w.append(new RunEvent.ModelResponded(1, T, "my key is " + key, Usage.NONE, null, 1, 1, null));
    }
    Files.writeString(file, "{\"type\":\"execution_fin", StandardOpenOption.APPEND);
    assertThat(Files.readString(file)).doesNotContain(key).contains("[redacted OPENAI_API_KEY]");
    RunHistory h = RunHistory.read(file);
    assertThat(h.truncated()).isTrue();
    assertThat(h.turns()).hasSize(1);
    assertThat(h.finished()).isNull();
  }

  @Test
  void withoutAnEndRecordARunIsRunningWhileItsWriterIsOpenAndInterruptedAfter(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0, T, RunEvent.FORMAT, "r1", "m", "s", true, "auto", 8, null, null, null, Map.of()));
      w.append(new RunEvent.ModelResponded(1, T, "<code>x=1</code>", Usage.NONE, null, 1, 1, null));
      RunHistory live = RunHistory.read(file);
      assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(live.writerAlive()).isTrue();
    }
    RunHistory gone = RunHistory.read(file);
    assertThat(gone.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(gone.turns()).hasSize(1);
    assertThat(dir.resolve("r.jsonl.lock")).doesNotExist();
  }

  @Test
  void aBadLineBeforeTheLastIsSkippedAndNamedNotFatal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter w = TranscriptWriter.create(file, Redactor.NONE)) {
      w.append(
          new RunEvent.RunStarted(
              0, T, RunEvent.FORMAT, "r1", "m", "s", true, "auto", 8, null, null, null, Map.of()));
    }
    Files.writeString(
        file,
        "not json at all\n{\"type\":\"no_such_event\",\"turn\":1}\n",
        StandardOpenOption.APPEND);
    try (TranscriptWriter w = TranscriptWriter.create(dir.resolve("other.jsonl"), Redactor.NONE)) {
      w.append(new RunEvent.ModelResponded(1, T, "<done>ok</done>", Usage.NONE, null, 1, 1, null));
    }
    Files.writeString(
        file, Files.readString(dir.resolve("other.jsonl")), StandardOpenOption.APPEND);

    RunHistory h = RunHistory.read(file);
    assertThat(h.skippedLines()).extracting(l -> l.number()).containsExactly(2, 3);
    assertThat(h.skippedLines().get(1).reason()).contains("no_such_event");
    assertThat(h.truncated()).isFalse();
    assertThat(h.turns())
        .singleElement()
        .satisfies(t -> assertThat(t.response().raw()).isEqualTo("<done>ok</done>"));
  }

  @Test
  void secretsAreRedactedEvenWhereJsonEscapesThemAndPassedVariablesCountAsSecrets(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    String password = "pa\"ss\\word-123";
    String url = "postgres://etl:topsecret@db:5432/raw";
    Redactor redactor =
        Redactor.fromVariables(Map.of("DB_PASSWORD", password)).with(Map.of("DATABASE_URL", url));
    try (TranscriptWriter w = TranscriptWriter.create(file, redactor)) {
      w.append(
          new RunEvent.ModelResponded(
              1, T, "printed " + password + " and " + url, Usage.NONE, null, 1, 1, null));
    }
    assertThat(Files.readString(file))
        .doesNotContain("topsecret")
        .doesNotContain("ss\\\\word")
        .contains("[redacted DB_PASSWORD]", "[redacted DATABASE_URL]");
  }
}
