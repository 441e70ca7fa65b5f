package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs list behind {@code airlock runs} and the console's runs browser. */
class RunCatalogTest {
  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  private static RunEvent.RunStarted started(String id, Instant at, String model, String from) {
    return new RunEvent.RunStarted(
        0,
        at,
        RunEvent.FORMAT,
        id,
        model,
        "bwrap",
        true,
        "ask",
        8,
        "file:///raw",
        "me." + id,
        from,
        Map.of());
  }

  private static List<RunEvent> turn(int n, Instant at, double cost) {
    return List.of(
        new RunEvent.ModelRequested(n, at, "m", List.of(ChatMessage.user("go"))),
        new RunEvent.ModelResponded(n, at, "<done>x</done>", new Usage(10, 2), cost, 5, 1, "stop"));
  }

  private static RunEvent.RunFinished finished(Instant at, int turns, Double cost) {
    return new RunEvent.RunFinished(
        0, at, RunStatus.DONE, "done", turns, new Usage(20, 4), cost, "me.x", "ok");
  }

  private Path write(String file, List<RunEvent> events, String tail) throws Exception {
    StringBuilder s = new StringBuilder();
    for (RunEvent e : events) {
      s.append(Json.mapper().writeValueAsString(e)).append('\n');
    }
    s.append(tail);
    Path p = dir.resolve(file);
    Files.writeString(p, s);
    return p;
  }

  @Test
  void listsEveryTranscriptNewestFirstWithStatusTurnsModelBranchAndCost() throws Exception {
    List<RunEvent> old = new ArrayList<>(List.of(started("a", T0, "openai:gpt", null)));
    old.addAll(turn(1, T0, 0.01));
    old.addAll(turn(2, T0, 0.02));
    old.add(finished(T0.plusSeconds(60), 2, 0.03));
    write("a.jsonl", old, "");
    // Named so that its name sorts first, but it started last: the start time decides.
    List<RunEvent> newer =
        new ArrayList<>(List.of(started("0new", T0.plusSeconds(3600), "demo", "a@1")));
    newer.addAll(turn(2, T0.plusSeconds(3600), 0.5));
    write("0new.jsonl", newer, "");
    write("broken.jsonl", List.of(), "not json\n");
    Files.writeString(dir.resolve("notes.txt"), "not a transcript");

    List<RunSummary> list = RunCatalog.list(dir);

    assertThat(list).extracting(RunSummary::runId).containsExactly("0new", "a", "broken");
    RunSummary a = list.get(1);
    assertThat(a.status()).isEqualTo(RunStatus.DONE);
    assertThat(a.turns()).isEqualTo(2);
    assertThat(a.model()).isEqualTo("openai:gpt");
    assertThat(a.costUsd()).isEqualTo(0.03);
    // Killed while running: no end record, so interrupted, with its turns and the cost so far.
    RunSummary n = list.get(0);
    assertThat(n.status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(n.turns()).isEqualTo(1);
    assertThat(n.costUsd()).isEqualTo(0.5);
    assertThat(n.forkedFrom()).isEqualTo("a@1");
    assertThat(n.branch()).isEqualTo("me.0new");
    assertThat(list.get(2).status()).isNull();
    assertThat(list.get(2).problem()).contains("broken.jsonl");
  }

  @Test
  void theQuickSummaryReadsTheEndRecordAndAgreesWithAFullRead() throws Exception {
    List<RunEvent> events = new ArrayList<>(List.of(started("r", T0, "demo", null)));
    events.addAll(turn(1, T0, 0.01));
    events.add(finished(T0.plusSeconds(5), 1, 0.01));
    Path file = write("r.jsonl", events, "");

    RunSummary quick = RunCatalog.quick(file);
    RunSummary full = RunCatalog.full(file);

    assertThat(quick.status()).isEqualTo(full.status()).isEqualTo(RunStatus.DONE);
    assertThat(quick.turns()).isEqualTo(full.turns()).isEqualTo(1);
    assertThat(quick.costUsd()).isEqualTo(full.costUsd());
    assertThat(quick.started()).isEqualTo(T0);
  }

  @Test
  void aTranscriptCutShortAfterItsEndIsReadInFullAndKeepsItsEnd() throws Exception {
    List<RunEvent> events = new ArrayList<>(List.of(started("cut", T0, "demo", null)));
    events.addAll(turn(1, T0, 0.01));
    events.add(finished(T0.plusSeconds(5), 1, 0.01));
    Path file = write("cut.jsonl", events, "{\"type\":\"notice\",\"tur");

    assertThat(RunCatalog.endRecord(file)).isNull();
    RunSummary s = RunCatalog.quick(file);
    assertThat(s.status()).isEqualTo(RunStatus.DONE);
    assertThat(s.turns()).isEqualTo(1);
  }

  @Test
  void aFolderThatDoesNotExistYetListsNothing() throws Exception {
    assertThat(RunCatalog.list(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void theFilterMatchesEveryWordInIdStatusModelOrBranch() throws Exception {
    RunSummary s =
        new RunSummary(
            dir.resolve("x.jsonl"),
            "20261128-0900-ab",
            T0,
            RunStatus.STOPPED,
            3,
            "openai:gpt-4o",
            "alice.airlock_x",
            null,
            null,
            List.of(),
            null);
    assertThat(s.matches("")).isTrue();
    assertThat(s.matches("GPT stopped")).isTrue();
    assertThat(s.matches("alice 0900")).isTrue();
    assertThat(s.matches("gpt done")).isFalse();
  }
}
