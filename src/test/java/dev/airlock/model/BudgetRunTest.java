package dev.airlock.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.cli.CliRunner;
import dev.airlock.cli.ExitCodes;
import dev.airlock.transcript.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `airlock run` with a budget, against an OpenAI-compatible server on loopback that reports usage
 * (the scripted model counts no tokens): the run pauses before the model call past the budget,
 * stops on its own when nobody is there (status budget, exit 1), asks at the terminal otherwise,
 * and says so in the transcript, `replay` and `runs`.
 */
class BudgetRunTest {
  private static final String PROPOSAL = "<reasoning>step</reasoning><code>print(1)</code>";

  @TempDir Path dir;

  /** A server answering every request with the same proposal, counting {@code in}/{@code out}. */
  private static LoopbackServer server(int in, int out) throws Exception {
    LoopbackServer server = new LoopbackServer();
    server.thenSse(
        OpenAiProtocol.stream(in, out, "<reasoning>step</reasoning>", "<code>print(1)</code>"));
    return server;
  }

  private String[] run(LoopbackServer server, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--model",
                "openai-compatible:qwen-test",
                "--base-url",
                server.baseUrl(),
                "--raw",
                "s3://airlock-test/raw/",
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--home",
                dir.resolve("lake").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static <T extends RunEvent> List<T> all(RunHistory h, Class<T> type) {
    return h.turns().stream()
        .flatMap(t -> t.events().stream())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  @Test
  void unattendedTheRunStopsAtItsTokenBudgetWithStatusBudgetAndExitCodeOne() throws Exception {
    try (LoopbackServer server = server(600, 100)) {
      CliRunner.Result r =
          CliRunner.run(run(server, "--approve", "auto", "--budget-tokens", "1000", "--json"));

      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
      JsonNode json = Json.mapper().readTree(r.out());
      assertThat(json.get("status").asText()).isEqualTo("budget");
      assertThat(json.get("reason").asText())
          .contains("1,400 of 1,000 tokens", "nobody is there to extend it (approval policy auto)");
      assertThat(server.requests()).as("the model is not asked a third time").hasSize(2);
      assertThat(r.err()).contains("budget reached after turn 2: 1,400 of 1,000 tokens");

      RunHistory h = RunHistory.read(Path.of(json.get("transcript").asText()));
      assertThat(h.status()).isEqualTo(RunStatus.BUDGET);
      assertThat(h.started().settings()).containsEntry("budget", "1,000 tokens");
      RunEvent.BudgetReached reached = all(h, RunEvent.BudgetReached.class).get(0);
      assertThat(reached.used().tokens()).isEqualTo(1400);
      assertThat(all(h, RunEvent.BudgetDecided.class))
          .singleElement()
          .satisfies(d -> assertThat(d.by()).isEqualTo("policy:auto"));

      String runId = json.get("run_id").asText();
      CliRunner.Result replay =
          CliRunner.run("replay", runId, "--runs-dir", dir.resolve("runs").toString());
      assertThat(replay.out())
          .contains(
              "budget reached after turn 2: 1,400 of 1,000 tokens",
              "policy:auto stopped the run at its budget",
              "Run budget after 2 turns");
      CliRunner.Result runs = CliRunner.run("runs", "--runs-dir", dir.resolve("runs").toString());
      assertThat(runs.out()).contains(runId).contains("budget");
    }
  }

  @Test
  void aDollarBudgetCountsTheCostAtThePriceGiven() throws Exception {
    try (LoopbackServer server = server(1000, 500)) {
      CliRunner.Result r =
          CliRunner.run(
              run(
                  server,
                  "--approve",
                  "auto",
                  "--price",
                  "1/2",
                  "--budget-usd",
                  "0.005",
                  "--json"));

      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
      JsonNode json = Json.mapper().readTree(r.out());
      assertThat(json.get("status").asText()).isEqualTo("budget");
      assertThat(json.get("reason").asText()).contains("$0.0060 of $0.0050");
      assertThat(server.requests()).as("$0.002 a call: over after the third").hasSize(3);
    }
  }

  @Test
  void aDollarBudgetWithoutAPriceIsRefusedBeforeAnythingStarts() throws Exception {
    try (LoopbackServer server = server(1, 1)) {
      CliRunner.Result r = CliRunner.run(run(server, "--approve", "auto", "--budget-usd", "0.50"));

      assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("--budget-usd", "--price IN/OUT");
      assertThat(server.requests()).isEmpty();
      assertThat(dir.resolve("runs")).doesNotExist();
    }
  }

  @Test
  void aBadBudgetFigureIsNamedUnderItsOwnFlag() throws Exception {
    try (LoopbackServer server = server(1, 1)) {
      CliRunner.Result r = CliRunner.run(run(server, "--budget-tokens", "0"));

      assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .contains("airlock run: --budget-tokens: the token budget must be at least 1 token");
    }
  }

  @Test
  void atTheTerminalEnterTakesTheSuggestedExtensionAndSStops() throws Exception {
    try (LoopbackServer server = server(600, 100)) {
      CliRunner.Result r =
          CliRunner.typing(
              "\ns\n",
              run(
                  server,
                  "--approve",
                  "risky",
                  "--merge",
                  "never",
                  "--budget-tokens",
                  "1000",
                  "--json"));

      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.FAILED);
      assertThat(r.err())
          .contains(
              "Budget reached: 1,400 of 1,000 tokens (after turn 2). Extend to [3,000] / stop? [e/s]",
              "Budget reached: 3,500 of 3,000 tokens (after turn 5). Extend to [6,000] / stop? [e/s]");
      assertThat(server.requests()).as("three more turns on the extension").hasSize(5);
      JsonNode json = Json.mapper().readTree(r.out());
      assertThat(json.get("status").asText()).isEqualTo("budget");
      RunHistory h = RunHistory.read(Path.of(json.get("transcript").asText()));
      assertThat(all(h, RunEvent.BudgetDecided.class))
          .extracting(RunEvent.BudgetDecided::verdict)
          .containsExactly("extend", "stop");
      RunEvent.BudgetDecided extended = all(h, RunEvent.BudgetDecided.class).get(0);
      assertThat(extended.by()).startsWith("human:");
      assertThat(extended.limit().tokens()).isEqualTo(3000L);
      assertThat(Stream.of(json.get("reason").asText()))
          .singleElement()
          .asString()
          .contains("3,500 of 3,000 tokens", "at the budget prompt");
    }
  }
}
