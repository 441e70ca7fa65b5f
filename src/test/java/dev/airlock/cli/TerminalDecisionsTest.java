package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.transcript.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal as a face that cannot always answer: a broken input never holds a run forever. */
class TerminalDecisionsTest {
  @TempDir Path dir;

  private String[] askRun() throws Exception {
    Path script = dir.resolve("script.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of("<reasoning>r</reasoning><code>print('hello')</code>", "<done>ok</done>")));
    return new String[] {
      "run",
      "--model",
      "scripted:" + script,
      "--approve",
      "ask",
      "--raw",
      "s3://airlock-test/raw/",
      "--runs-dir",
      dir.resolve("runs").toString(),
      "--json"
    };
  }

  @Test
  void aTerminalThatCannotBeReadStopsTheRunInsteadOfLeavingTheQuestionOpen() throws Exception {
    String[] args = askRun();
    InputStream hungUp =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Input/output error (the terminal hung up)");
          }
        };
    // Without an answer the run would wait for one forever; the guard only ends the test.
    CliRunner.Result r =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRunner.typing(hungUp, args));

    assertThat(r.err()).contains("Cannot ask at the terminal", "the terminal hung up");
    RunHistory history = r.history();
    assertThat(history.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(history.turns().get(0).execution()).as("nothing ran").isNull();
  }

  @Test
  void endOfInputInsteadOfTheFeedbackOfARejectionStopsTheRun() throws Exception {
    CliRunner.Result r = CliRunner.typing("n\n", askRun());

    RunHistory history = r.history();
    assertThat(history.status()).as(r.err()).isEqualTo(RunStatus.STOPPED);
    assertThat(history.finished().reason()).contains("input closed");
    assertThat(history.turns()).hasSize(1);
  }
}
