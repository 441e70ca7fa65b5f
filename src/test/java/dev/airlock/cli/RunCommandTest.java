package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `airlock run`, `replay` and `runs` as a user types them. */
class RunCommandTest {
  @TempDir Path dir;

  static CliRunner.Result airlock(String... args) {
    return CliRunner.run(args);
  }

  private Path script(String... responses) throws Exception {
    Path file = dir.resolve("script.json");
    Files.writeString(file, Json.mapper().writeValueAsString(List.of(responses)));
    return file;
  }

  @Test
  void aScriptedRunEndsDoneAndReplaysFromItsTranscript() throws Exception {
    Path script =
        script(
            "<reasoning>try</reasoning><code>print(undefined_name)</code>",
            "<reasoning>fix the NameError</reasoning><code>name = 'fixed'\nprint(name)</code>",
            "<reasoning>saw fixed</reasoning><done>fixed it</done>");
    Path runs = dir.resolve("runs");
    CliRunner.Result run =
        airlock(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--raw",
            "s3://airlock-test/raw/",
            "--runs-dir",
            runs.toString(),
            "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("status").asText()).isEqualTo("done");
    assertThat(json.get("turns").asInt()).isEqualTo(3);
    assertThat(json.get("branch").asText()).contains(".airlock_");
    assertThat(json.get("usage").has("input_tokens")).isTrue();
    Path transcript = Path.of(json.get("transcript").asText());
    assertThat(transcript).exists().hasParent(runs);
    assertThat(run.err()).contains("NameError", "fixed");

    CliRunner.Result replay = airlock("replay", transcript.toString());
    assertThat(replay.exit()).isZero();
    assertThat(replay.out())
        .contains(
            "── turn 1 ──",
            "── turn 2 ──",
            "── turn 3 ──",
            "NameError",
            "fix the NameError",
            "│ fixed",
            "Run done after 3 turns",
            "done: fixed it");

    CliRunner.Result list = airlock("runs", "--runs-dir", runs.toString());
    assertThat(list.out()).contains(json.get("run_id").asText(), "done", "3");
  }

  @Test
  void exitCodesTellTheUserWhatKindOfProblemItWas() throws Exception {
    Path runs = dir.resolve("runs");
    assertThat(
            airlock(
                    "run",
                    "--model",
                    "nonsense",
                    "--approve",
                    "auto",
                    "--raw",
                    "s3://airlock-test/raw/",
                    "--runs-dir",
                    runs.toString())
                .exit())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            airlock(
                    "run",
                    "--model",
                    "scripted:" + script("<code>print(1)</code>"),
                    "--approve",
                    "sometimes",
                    "--raw",
                    "s3://airlock-test/raw/",
                    "--runs-dir",
                    runs.toString())
                .err())
        .contains("--approve: the approval policy must be ask, risky, auto-while-green or auto");
    CliRunner.Result noRaw =
        airlock(
            "run",
            "--model",
            "scripted:" + script("<done>x</done>"),
            "--approve",
            "auto",
            "--raw",
            dir.resolve("no-such-folder").toString(),
            "--runs-dir",
            runs.toString());
    assertThat(noRaw.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noRaw.err()).contains("no such file or folder");
    CliRunner.Result missingKey =
        airlock(
            "run",
            "--model",
            "anthropic:claude-x",
            "--approve",
            "auto",
            "--raw",
            "s3://airlock-test/raw/",
            "--runs-dir",
            runs.toString());
    assertThat(missingKey.exit()).isEqualTo(ExitCodes.USAGE);
    CliRunner.Result capped =
        airlock(
            "run",
            "--model",
            "scripted:" + script("<code>print(1)</code>", "<code>print(2)</code>"),
            "--approve",
            "auto",
            "--max-turns",
            "1",
            "--raw",
            "s3://airlock-test/raw/",
            "--runs-dir",
            runs.toString(),
            "--json");
    assertThat(capped.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(capped.out()).contains("\"status\":\"failed\"", "turn cap of 1");
  }

  @Test
  void theAskPolicyReadsTheTerminalAndEndOfInputStopsTheRun() throws Exception {
    Path script = script("<reasoning>r</reasoning><code>print('hello')</code>", "<done>ok</done>");
    CliRunner.Result r =
        CliRunner.typing(
            "n\nuse pandas\n",
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "ask",
            "--raw",
            "s3://airlock-test/raw/",
            "--runs-dir",
            dir.resolve("runs").toString());
    assertThat(r.out())
        .contains("Run this code? [y]es / [e]dit / [n]o", "✘ rejected by human:", "use pandas");
    assertThat(r.out()).contains("Run done after 2 turns");
  }

  @Test
  void replayOfAMissingRunSaysWhatToDo() {
    CliRunner.Result r = airlock("replay", "no-such-run", "--runs-dir", dir.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no transcript at").contains("airlock runs");
  }
}
