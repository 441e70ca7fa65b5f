package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
            "{\"type\":\"run_started\",\"turn\":0,\"at\":\"2026-11-26T10:00:00Z\",\"format\":\"airlock-transcript/1\","
                + "\"runId\":\"r1\",\"model\":\"scripted:s.json\",\"sandbox\":\"bwrap\",\"isolated\":true,\"approval\":\"auto\","
                + "\"maxTurns\":8,\"rawUri\":\"file:///raw\",\"branch\":\"me.airlock_r1\",\"settings\":{\"exec_timeout_s\":\"300\"}}",
            "{\"type\":\"model_requested\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"model\":\"scripted:s.json\","
                + "\"messages\":[{\"role\":\"SYSTEM\",\"content\":\"S\"},{\"role\":\"USER\",\"content\":\"U\"}]}",
            "{\"type\":\"model_responded\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"raw\":\"<code>x=1</code>\","
                + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5},\"latencyMs\":12,\"attempts\":1,\"finishReason\":\"stop\"}",
            "{\"type\":\"decided\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"verdict\":\"APPROVE_EDITED\",\"by\":\"human:me\","
                + "\"proposedCode\":\"x=1\\n\",\"executedCode\":\"x=2\\n\",\"executedSha256\":\"ab\",\"diff\":\"diff\"}",
            "{\"type\":\"execution_finished\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"status\":\"OK\",\"exitCode\":0,"
                + "\"stdout\":\"out\",\"stderr\":\"\",\"stdoutDroppedBytes\":0,\"stderrDroppedBytes\":0,\"durationMs\":40,"
                + "\"missingPackages\":[]}",
            "{\"type\":\"run_finished\",\"turn\":1,\"at\":\"2026-11-26T10:00:00Z\",\"status\":\"DONE\",\"reason\":\"the agent finished\","
                + "\"turns\":1,\"usage\":{\"inputTokens\":10,\"outputTokens\":5},\"branch\":\"me.airlock_r1\",\"summary\":\"done\"}");

    RunHistory h = RunHistory.read(file);
    assertThat(h.status()).isEqualTo(RunStatus.DONE);
    assertThat(h.turns())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.request().messages())
                  .extracting(ChatMessage::content)
                  .containsExactly("S", "U");
              assertThat(t.decision().executedCode()).isEqualTo("x=2\n");
              assertThat(t.execution().stdout()).isEqualTo("out");
            });
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
