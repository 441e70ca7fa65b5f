package dev.airlock.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.agent.RunProjection.Part;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The projection a live view and a replay share: events in, turns out. */
class RunProjectionTest {
  private static final Instant T = Instant.parse("2026-11-28T03:00:00Z");

  /** Two turns as a run emits them, live-only events (tokens, output, phases) included. */
  private static List<RunEvent> run() {
    List<RunEvent> e = new ArrayList<>();
    e.add(
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
            "me.b",
            null,
            Map.of()));
    e.add(new RunEvent.PhaseChanged(1, T, TurnPhase.ASKING_MODEL));
    e.add(new RunEvent.ModelRequested(1, T, "m", List.of(ChatMessage.user("load it"))));
    e.add(new RunEvent.ModelToken(1, T, "<code>"));
    e.add(new RunEvent.ModelToken(1, T, "print(1)</code>"));
    e.add(
        new RunEvent.ModelResponded(
            1, T, "<code>print(1)</code>", new Usage(10, 5), null, 7, 1, "stop"));
    e.add(
        new RunEvent.ResponseParsed(
            1, T, ParsedResponse.Kind.PROPOSAL, "", List.of(), "print(1)", null, null));
    e.add(new RunEvent.PhaseChanged(1, T, TurnPhase.PROPOSAL));
    e.add(new RunEvent.PhaseChanged(1, T, TurnPhase.AWAITING_APPROVAL));
    e.add(new RunEvent.ApprovalRequested(1, T, "auto", "print(1)", "ab", List.of()));
    e.add(
        new RunEvent.Decided(
            1,
            T,
            Decision.Verdict.APPROVE,
            "policy:auto",
            "print(1)",
            "print(1)",
            "ab",
            null,
            null));
    e.add(new RunEvent.PhaseChanged(1, T, TurnPhase.EXECUTING));
    e.add(new RunEvent.ExecutionStarted(1, T, "ab", "bwrap", 30_000));
    e.add(new RunEvent.OutputChunk(1, T, "stdout", "1\n"));
    e.add(
        new RunEvent.LakehouseCall(
            1, T, "create_branch", Map.of("branch", "me.b"), true, "me.b", null, null, 3));
    e.add(new RunEvent.OutputChunk(1, T, "stdout", "2\n"));
    e.add(
        new RunEvent.LakehouseCall(
            1, T, "create_table", Map.of("table", "payments"), true, "ok", null, null, 9));
    e.add(new RunEvent.ExecutionFinished(1, T, "OK", 0, "1\n2\n", "", 0, 0, null, 40, List.of()));
    e.add(new RunEvent.PhaseChanged(1, T, TurnPhase.OBSERVED));
    e.add(new RunEvent.PhaseChanged(2, T, TurnPhase.ASKING_MODEL));
    e.add(new RunEvent.ModelRequested(2, T, "m", List.of(ChatMessage.user("1\n2"))));
    e.add(new RunEvent.Notice(2, T, RunEvent.Notice.Severity.WARNING, "retrying after a 429"));
    e.add(new RunEvent.ModelToken(2, T, "<done>ok</done>"));
    e.add(
        new RunEvent.ModelResponded(2, T, "<done>ok</done>", new Usage(12, 3), null, 5, 2, "stop"));
    e.add(
        new RunEvent.ResponseParsed(
            2, T, ParsedResponse.Kind.DONE, null, List.of(), null, "ok", null));
    e.add(
        new RunEvent.RunFinished(
            2, T, RunStatus.DONE, "the agent finished", 2, new Usage(22, 8), null, "me.b", "ok"));
    return e;
  }

  @Test
  void eventByEventTheProjectionEqualsTheFoldOfTheTranscriptTheRunWrote(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    RunProjection live = new RunProjection();
    try (TranscriptWriter transcript = TranscriptWriter.create(file, Redactor.NONE)) {
      for (RunEvent e : run()) {
        if (e.persistent()) {
          transcript.append(e);
        }
        live.apply(e);
      }
    }

    RunHistory replayed = RunHistory.read(file);
    assertThat(live.turns()).isEqualTo(replayed.turns()).hasSize(2);
    assertThat(live.started()).isEqualTo(replayed.started());
    assertThat(live.finished()).isEqualTo(replayed.finished());
    assertThat(RunHistory.fold(run()).turns()).isEqualTo(replayed.turns());

    TurnRecord first = replayed.turns().get(0);
    assertThat(first.lakehouseCalls())
        .extracting(RunEvent.LakehouseCall::method)
        .containsExactly("create_branch", "create_table");
    // In the order they happened: both calls came before the execution ended.
    assertThat(first.events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "ModelRequested",
            "ModelResponded",
            "ResponseParsed",
            "ApprovalRequested",
            "Decided",
            "ExecutionStarted",
            "LakehouseCall",
            "LakehouseCall",
            "ExecutionFinished");
    assertThat(replayed.turns().get(1).events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ModelRequested", "Notice", "ModelResponded", "ResponseParsed");
  }

  @Test
  void eachUpdateNamesThePartAndTheTurnAsItStandsAfterIt() {
    RunProjection p = new RunProjection();
    List<RunProjection.Update> updates = run().stream().map(p::apply).toList();

    assertThat(updates)
        .extracting(RunProjection.Update::part)
        .containsExactly(
            Part.STARTED,
            Part.PHASE,
            Part.REQUEST,
            Part.RESPONSE_STREAMING,
            Part.RESPONSE_STREAMING,
            Part.RESPONSE,
            Part.PARSED,
            Part.PHASE,
            Part.PHASE,
            Part.APPROVAL_REQUESTED,
            Part.DECISION,
            Part.PHASE,
            Part.EXECUTION_STARTED,
            Part.EXECUTION_OUTPUT,
            Part.LAKEHOUSE_CALL,
            Part.EXECUTION_OUTPUT,
            Part.LAKEHOUSE_CALL,
            Part.EXECUTION_FINISHED,
            Part.PHASE,
            Part.PHASE,
            Part.REQUEST,
            Part.NOTICE,
            Part.RESPONSE_STREAMING,
            Part.RESPONSE,
            Part.PARSED,
            Part.FINISHED);
    RunProjection.Update decided = updates.get(10);
    assertThat(decided.turn()).isEqualTo(1);
    assertThat(decided.record().decision().by()).isEqualTo("policy:auto");
    assertThat(decided.record().execution()).isNull();
    // Before the first persistent event of turn 2 there is no record of it yet.
    assertThat(updates.get(19).record()).isNull();
    assertThat(updates.get(0).record()).isNull();
  }

  @Test
  void snapshotsNeverChangeAfterTheyAreHandedOut() {
    RunProjection p = new RunProjection();
    List<RunEvent> events = run();
    TurnRecord afterFirstCall = null;
    for (RunEvent e : events) {
      RunProjection.Update u = p.apply(e);
      if (u.part() == Part.LAKEHOUSE_CALL && afterFirstCall == null) {
        afterFirstCall = u.record();
      }
    }

    assertThat(afterFirstCall.lakehouseCalls()).hasSize(1);
    assertThat(afterFirstCall.execution()).isNull();
    assertThat(afterFirstCall.events()).hasSize(7);
    assertThat(p.turn(1).lakehouseCalls()).hasSize(2);
    TurnRecord handedOut = afterFirstCall;
    assertThatThrownBy(() -> handedOut.lakehouseCalls().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> handedOut.events().add(events.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> p.turns().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theLiveStateIsWhatHasStreamedSoFarInTheLatestTurn() {
    RunProjection p = new RunProjection();
    List<RunEvent> events = run();
    for (RunEvent e : events.subList(0, 5)) {
      p.apply(e);
    }
    assertThat(p.live())
        .isEqualTo(new RunProjection.Live(1, TurnPhase.ASKING_MODEL, "<code>print(1)</code>", ""));

    for (RunEvent e : events.subList(5, 16)) {
      p.apply(e);
    }
    assertThat(p.live().phase()).isEqualTo(TurnPhase.EXECUTING);
    assertThat(p.live().output()).isEqualTo("1\n2\n");
    assertThat(p.live().response()).isEqualTo("<code>print(1)</code>");

    for (RunEvent e : events.subList(16, 23)) {
      p.apply(e);
    }
    // Turn 2 asked again: its answer streams from empty, the old output is gone.
    assertThat(p.live())
        .isEqualTo(new RunProjection.Live(2, TurnPhase.ASKING_MODEL, "<done>ok</done>", ""));
    assertThat(p.phase(1)).isEqualTo(TurnPhase.OBSERVED);
  }

  @Test
  void phasesFollowFromTheTranscriptAloneAsTheyDidLive() {
    RunProjection live = new RunProjection();
    RunProjection replayed = new RunProjection();
    for (RunEvent e : run()) {
      live.apply(e);
      if (e.persistent()) {
        replayed.apply(e);
      }
    }
    assertThat(replayed.phase(1)).isEqualTo(live.phase(1)).isEqualTo(TurnPhase.OBSERVED);
    assertThat(replayed.phase(2)).isEqualTo(live.phase(2)).isEqualTo(TurnPhase.DONE_CLAIMED);
  }

  @Test
  void aRecordOfATypeThisVersionDoesNotKnowIsSkippedAndTheRestOfTheRunFolds(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    try (TranscriptWriter transcript = TranscriptWriter.create(file, Redactor.NONE)) {
      run().stream().filter(RunEvent::persistent).forEach(transcript::append);
    }
    // What a newer Airlock might write between two known records.
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.add(6, "{\"type\":\"budget_asked\",\"turn\":1,\"at\":\"2026-11-28T03:00:00Z\"}");
    Files.write(file, lines);

    RunHistory h = RunHistory.read(file);
    assertThat(h.skippedLines())
        .singleElement()
        .satisfies(l -> assertThat(l.number()).isEqualTo(7));
    assertThat(h.turns()).isEqualTo(RunHistory.fold(run()).turns());
    assertThat(h.status()).isEqualTo(RunStatus.DONE);
  }
}
