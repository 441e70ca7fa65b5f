package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.airlock.transcript.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcript of the right JSON shape that the engine could not have written: its bad events are
 * skipped with why, like unreadable lines, and the rest is read (no reader of the run meets a null
 * where the engine always writes a value).
 */
class HostileTranscriptTest {
  @TempDir Path dir;

  private static String event(String type, long turn, String fields) {
    return "{\"type\":\""
        + type
        + "\",\"turn\":"
        + turn
        + ",\"at\":\"2026-11-28T02:44:49Z\""
        + fields
        + "}\n";
  }

  @Test
  void eventsMissingWhatTheEngineAlwaysWritesAreSkippedWithWhy() throws Exception {
    String transcript =
        event("run_started", 0, ",\"format\":\"" + RunEvent.FORMAT + "\",\"runId\":\"r\"")
            + event("response_parsed", 1, ",\"kind\":null")
            + event("decided", 1, "")
            + event("execution_finished", 1, "")
            + event("notice", -1, ",\"severity\":\"INFO\",\"message\":\"m\"")
            + event("data_effects", 1, ",\"branches\":[null]")
            + event(
                "merge_requested", 2, ",\"source\":\"b\",\"target\":\"main\",\"changes\":[null]")
            + event("phase_changed", 1, "")
            + event("notice", 1_000_000_000, ",\"severity\":\"INFO\",\"message\":\"far\"")
            + event("run_finished", 0, "")
            + event("run_finished", 0, ",\"status\":\"STOPPED\"");
    Path file = dir.resolve("t.jsonl");
    Files.writeString(file, transcript);

    RunHistory history = RunHistory.read(file);

    assertThat(history.skippedLines())
        .extracting(TranscriptReader.SkippedLine::number, TranscriptReader.SkippedLine::reason)
        .containsExactly(
            tuple(2, "ResponseParsed for turn 1 without kind"),
            tuple(3, "Decided for turn 1 without verdict"),
            tuple(4, "ExecutionFinished for turn 1 without status"),
            tuple(5, "Notice for turn -1: turns start at 1"),
            tuple(6, "DataEffects for turn 1 without branches entries"),
            tuple(7, "MergeRequested for turn 2 without changes entries"),
            tuple(8, "PhaseChanged for turn 1 without phase"),
            tuple(10, "RunFinished for turn 0 without status"));
    assertThat(history.turns()).extracting(TurnRecord::turn).containsExactly(1_000_000_000);
    assertThat(history.status()).isEqualTo(RunStatus.STOPPED);
  }

  @Test
  void impossibleAuditTimesSkipTheirMergeRequestWithWhyAndAMissingOneReadsAsUnknown()
      throws Exception {
    String merge = ",\"source\":\"b\",\"target\":\"main\",\"changes\":[]";
    String transcript =
        event("run_started", 0, ",\"format\":\"" + RunEvent.FORMAT + "\",\"runId\":\"r\"")
            + event("merge_requested", 1, merge + ",\"auditTime\":{\"millis\":-5}")
            + event("merge_requested", 1, merge + ",\"auditTime\":{\"millis\":9223372036854775807}")
            + event(
                "merge_requested",
                1,
                merge + ",\"auditTime\":{\"tables\":[{\"table\":\"t\",\"checksMillis\":-1}]}")
            + event("merge_requested", 1, merge + ",\"auditTime\":{\"tables\":[null]}")
            + event("merge_requested", 1, merge + ",\"auditTime\":{\"millis\":\"soon\"}")
            + event("merge_requested", 1, merge)
            + event(
                "merge_requested",
                1,
                merge
                    + ",\"auditTime\":{\"millis\":131,\"tables\":[{\"table\":\"t\","
                    + "\"checksMillis\":120,\"previewMillis\":9}]}");
    Path file = dir.resolve("t.jsonl");
    Files.writeString(file, transcript);

    RunHistory history = RunHistory.read(file);

    String impossible =
        "MergeRequested for turn 1 with an audit time the engine cannot have written (a figure"
            + " below 0 or above a week, or a table without its name)";
    assertThat(history.skippedLines())
        .extracting(TranscriptReader.SkippedLine::number)
        .containsExactly(2, 3, 4, 5, 6);
    assertThat(history.skippedLines().subList(0, 4))
        .extracting(TranscriptReader.SkippedLine::reason)
        .containsOnly(impossible);
    assertThat(history.skippedLines().get(4).reason())
        .as("not a number: unreadable, like any field of the wrong type")
        .isNotBlank();
    List<RunEvent.MergeRequested> merges = history.turns().get(0).merges();
    assertThat(merges).hasSize(2);
    assertThat(merges.get(0).auditTime()).as("written before audit times: unknown").isNull();
    assertThat(merges.get(1).auditTime().table("t"))
        .isEqualTo(new MergeEvidence.TableTime("t", 120L, 9L));
  }
}
