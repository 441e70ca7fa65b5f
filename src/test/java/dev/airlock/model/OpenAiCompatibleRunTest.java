package dev.airlock.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.cli.CliRunner;
import dev.airlock.cli.ExitCodes;
import dev.airlock.cli.Main;
import dev.airlock.transcript.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole `airlock run` against an OpenAI-compatible server on loopback (the vLLM / Ollama / LM
 * Studio path): streamed answers drive the loop, the usage and cost reach the run's result, and the
 * server sees each turn's observation.
 */
class OpenAiCompatibleRunTest {
  @TempDir Path dir;

  private static String[] answer(String text, int in, int out) throws Exception {
    String escaped = Json.mapper().writeValueAsString(text);
    escaped = escaped.substring(1, escaped.length() - 1);
    int half = escaped.length() / 2;
    while (half > 0 && escaped.charAt(half - 1) == '\\') {
      half--;
    }
    return OpenAiProtocol.stream(in, out, escaped.substring(0, half), escaped.substring(half));
  }

  @Test
  void aRunAgainstAnOpenAiCompatibleServerStreamsCountsAndFinishes() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server
          .thenSse(
              answer("<reasoning>count</reasoning><code>print(sum(range(10)))</code>", 1200, 30))
          .thenSse(
              answer("<reasoning>it printed 45</reasoning><done>the sum is 45</done>", 1300, 20));
      PrintStream out = System.out;
      PrintStream err = System.err;
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      int exit;
      try {
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        exit =
            Main.execute(
                "run",
                "--model",
                "openai-compatible:qwen-test",
                "--base-url",
                server.baseUrl(),
                "--approve",
                "auto",
                "--raw",
                "s3://airlock-test/raw/",
                "--price",
                "1/2",
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--home",
                dir.resolve("lake").toString(),
                "--json");
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
      assertThat(exit).isZero();
      JsonNode json = Json.mapper().readTree(o.toString(StandardCharsets.UTF_8));
      assertThat(json.get("status").asText()).isEqualTo("done");
      assertThat(json.get("usage").get("input_tokens").asLong()).isEqualTo(2500);
      assertThat(json.get("usage").get("output_tokens").asLong()).isEqualTo(50);
      assertThat(json.get("usage").get("cost_usd").asDouble()).isCloseTo(0.0026, offset(1e-9));
      assertThat(server.requests()).hasSize(2);
      JsonNode second = server.requests().get(1).json();
      assertThat(second.get("model").asText()).isEqualTo("qwen-test");
      assertThat(second.get("stream").asBoolean()).isTrue();
      JsonNode messages = second.get("messages");
      assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
      assertThat(messages.get(messages.size() - 1).get("content").asText())
          .contains("status: success", "45");
      assertThat(Files.readString(Path.of(json.get("transcript").asText())))
          .contains("openai-compatible:qwen-test");
    }
  }

  @Test
  void aServerAnsweringWithAWebPageEndsTheRunAsInfrastructureNotAsTheAgentsFault()
      throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.then(
          new LoopbackServer.Plain(200, "text/html", "<html><body>It works!</body></html>"));

      CliRunner.Result r =
          CliRunner.run(
              "run",
              "--model",
              "openai-compatible:qwen-test",
              "--base-url",
              server.baseUrl(),
              "--approve",
              "auto",
              "--raw",
              "s3://airlock-test/raw/",
              "--runs-dir",
              dir.resolve("runs").toString(),
              "--home",
              dir.resolve("lake").toString());

      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
      assertThat(r.out() + r.err())
          .contains(server.baseUrl(), "text/html", "It works!")
          .doesNotContainIgnoringCase("format error")
          .doesNotContain("empty");
      assertThat(server.requests())
          .as("the model is not asked again about its own answer")
          .hasSize(1);
    }
  }

  @Test
  void anEmptyScriptIsAConfigurationErrorBeforeTheRunStarts() throws Exception {
    Path script = Files.writeString(dir.resolve("empty.json"), "[]");

    CliRunner.Result r =
        CliRunner.run(
            "run",
            "--model",
            "scripted:" + script,
            "--approve",
            "auto",
            "--raw",
            "s3://airlock-test/raw/",
            "--runs-dir",
            dir.resolve("runs").toString(),
            "--home",
            dir.resolve("lake").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(script.toString(), "the array is empty");
    assertThat(dir.resolve("runs")).doesNotExist();
  }
}
