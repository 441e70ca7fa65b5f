package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.transcript.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a supervisor watched live and what {@code airlock replay} shows later come from the same
 * projection and the same renderings: every line of the replay appears in the live output, in
 * order. Two parts are shown differently by design: a replay quotes the last message of each
 * request (live, the supervisor saw it as the previous turn's output), and a replay shows an
 * execution's output as one block per stream when it ends, while a live run streams it as it
 * arrives, between the lakehouse calls the code makes; those lines appear live in order per stream.
 */
class LiveMatchesReplayTest {
  @TempDir Path dir;
  private DemoRaw demo;

  @BeforeEach
  void demoData() throws Exception {
    demo = new DemoRaw(2_000);
  }

  @AfterEach
  void deleteDemoData() throws Exception {
    demo.close();
  }

  @Test
  void everyLineOfTheReplayWasPrintedLiveInTheSameOrder() throws Exception {
    CliRunner.Result live =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + Path.of("examples/scripted-wap.json").toAbsolutePath(),
            "--approve",
            "auto",
            "--merge",
            "auto-if-green",
            "--expect",
            "builtin:demo",
            "--raw",
            demo.dir.toString(),
            "--home",
            dir.resolve("lakehouse").toString(),
            "--runs-dir",
            dir.resolve("runs").toString(),
            "--json");
    assertThat(live.exit()).as(live.err()).isZero();
    JsonNode json = Json.mapper().readTree(live.out());
    CliRunner.Result replay = CliRunner.run("replay", json.get("transcript").asText());
    assertThat(replay.exit()).as(replay.err()).isZero();

    List<String> shown = live.err().lines().toList();
    Replay parts = Replay.split(replay.out().lines().toList());
    assertInOrder(parts.common(), shown);
    List<String> streamed =
        shown.stream().filter(l -> l.startsWith(TurnText.OUTPUT_PREFIX)).toList();
    assertInOrder(parts.stdout(), streamed);
    assertInOrder(parts.stderr(), streamed);

    // The run exercised every part: calls, commits, the merge, its decision, the post-merge check.
    assertThat(parts.common())
        .anyMatch(l -> l.startsWith("── turn 2 ── asking "))
        .anyMatch(l -> l.startsWith("▶ running (timeout "))
        .anyMatch(l -> l.startsWith("  ⛁ import_data "))
        .anyMatch(l -> l.startsWith("  ⛁ merge_branch on main"))
        .anyMatch(l -> l.startsWith("⇢ merge request: "))
        .anyMatch(
            l -> l.startsWith("✔ merge of ") && l.contains("approved by policy:auto-if-green"))
        .anyMatch(l -> l.startsWith("✔ post-merge check on main passed: "))
        .anyMatch(l -> l.startsWith("■ error (exit 1)"))
        .anyMatch(l -> l.startsWith("Run done after 3 turns"));
    assertThat(parts.stdout()).anyMatch(l -> l.contains("payments"));
    assertThat(parts.stderr()).anyMatch(l -> l.contains("main takes no direct writes"));
  }

  /** A replay's lines: those a live run prints alike, and each stream's output block. */
  private record Replay(List<String> common, List<String> stdout, List<String> stderr) {
    static Replay split(List<String> lines) {
      List<String> common = new ArrayList<>();
      List<String> stdout = new ArrayList<>();
      List<String> stderr = new ArrayList<>();
      List<String> into = common;
      for (String line : lines) {
        if (line.equals("stdout:")) {
          into = stdout;
        } else if (line.equals("stderr:")) {
          into = stderr;
        } else if (line.startsWith("the last of them (")) {
          into = null; // the quoted last message: replay only
        } else if (into == null && line.startsWith("  > ")) {
          continue;
        } else if (into != common && line.startsWith(TurnText.OUTPUT_PREFIX) && into != null) {
          into.add(line);
        } else {
          into = common;
          common.add(line);
        }
      }
      return new Replay(common, stdout, stderr);
    }
  }

  private static void assertInOrder(List<String> expected, List<String> actual) {
    int at = 0;
    for (String line : expected) {
      int found = actual.subList(at, actual.size()).indexOf(line);
      if (found < 0) {
        fail(
            "the replay line\n  "
                + line
                + "\nwas not printed live after line "
                + at
                + "; live output:\n"
                + String.join("\n", actual));
      }
      at += found + 1;
    }
  }
}
