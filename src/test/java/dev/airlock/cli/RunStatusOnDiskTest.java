package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.transcript.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `airlock runs` and `airlock replay` say about runs that did not end cleanly: a run killed
 * mid-turn (its process gone, its transcript without an end) and a transcript with a damaged line.
 */
class RunStatusOnDiskTest {
  @TempDir Path dir;

  @Test
  void aRunIsRunningWhileItsProcessLivesAndInterruptedOnceTheProcessIsKilled() throws Exception {
    Path runs = dir.resolve("runs");
    Path script = dir.resolve("script.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>wait</reasoning><code>import time\nprint('working', flush=True)\ntime.sleep(3600)</code>",
                    "<done>never reached</done>")));
    Process airlock =
        javaAirlock(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--raw",
            "s3://airlock-test/raw/",
            "--home",
            dir.resolve("lakehouse").toString(),
            "--runs-dir",
            runs.toString());
    List<ProcessHandle> tree = new ArrayList<>();
    try {
      Path transcript = awaitTranscriptWith(runs, "\"type\":\"execution_started\"", airlock);
      String runId = transcript.getFileName().toString().replace(".jsonl", "");

      CliRunner.Result live = CliRunner.run("runs", "--runs-dir", runs.toString());
      assertThat(live.out()).containsPattern(runId + " .* running +1 ");
      assertThat(CliRunner.run("replay", runId, "--runs-dir", runs.toString()).out())
          .contains("The run is still going");

      tree.addAll(airlock.descendants().toList());
      airlock.destroyForcibly(); // SIGKILL: no shutdown hook, no end record
      airlock.waitFor();

      CliRunner.Result after = CliRunner.run("runs", "--runs-dir", runs.toString());
      assertThat(after.out()).containsPattern(runId + " .* interrupted +1 ");
      CliRunner.Result replay = CliRunner.run("replay", runId, "--runs-dir", runs.toString());
      assertThat(replay.exit()).isZero();
      assertThat(replay.out())
          .contains("── turn 1 ──", "The run was interrupted")
          .doesNotContain("still going");
    } finally {
      airlock.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aDamagedLineInTheMiddleIsSkippedWithANoteNamingItAndTheRestOfTheRunStillShows()
      throws Exception {
    Path runs = dir.resolve("runs");
    Path script = dir.resolve("script.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>say hi</reasoning><code>print('hello from turn 1')</code>",
                    "<done>said hi</done>")));
    CliRunner.Result run =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--raw",
            "s3://airlock-test/raw/",
            "--home",
            dir.resolve("lakehouse").toString(),
            "--runs-dir",
            runs.toString(),
            "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    Path transcript = Path.of(Json.mapper().readTree(run.out()).get("transcript").asText());
    List<String> lines = new ArrayList<>(Files.readAllLines(transcript, StandardCharsets.UTF_8));
    assertThat(lines.size()).isGreaterThan(4);
    lines.set(2, "{\"type\":\"model_respon"); // a line cut short, with records after it
    Files.write(transcript, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    String runId = transcript.getFileName().toString().replace(".jsonl", "");

    CliRunner.Result list = CliRunner.run("runs", "--runs-dir", runs.toString());
    assertThat(list.exit()).isZero();
    assertThat(list.out())
        .containsPattern(runId + " .* done +2 ")
        .contains("note: line 3 of " + runId + ".jsonl is not a record and was skipped")
        .doesNotContain("unreadable");

    CliRunner.Result replay = CliRunner.run("replay", runId, "--runs-dir", runs.toString());
    assertThat(replay.exit()).as(replay.err()).isZero();
    assertThat(replay.out())
        .contains(
            "hello from turn 1",
            "Run done after 2 turns",
            "(line 3 of the transcript is not a record and was skipped: ");
  }

  private Process javaAirlock(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("airlock.log").toFile());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    return pb.start();
  }

  /** Waits until the run has got as far as {@code marker}; gives up if the process ends first. */
  private Path awaitTranscriptWith(Path runs, String marker, Process airlock) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(giveUp)) {
      if (Files.isDirectory(runs)) {
        try (Stream<Path> s = Files.list(runs)) {
          for (Path p : s.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
            if (Files.readString(p, StandardCharsets.UTF_8).contains(marker)) {
              return p;
            }
          }
        }
      }
      if (!airlock.isAlive()) {
        throw new AssertionError(
            "airlock ended before "
                + marker
                + ":\n"
                + Files.readString(dir.resolve("airlock.log")));
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no " + marker + " in time:\n" + Files.readString(dir.resolve("airlock.log")));
  }
}
