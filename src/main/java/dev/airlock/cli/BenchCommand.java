package dev.airlock.cli;

import dev.airlock.agent.AgentRun;
import dev.airlock.agent.AutoApprove;
import dev.airlock.agent.Conversation;
import dev.airlock.agent.RunConfig;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TranscriptRecorder;
import dev.airlock.agent.TurnHooks;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.ModelClient;
import dev.airlock.model.ModelResponse;
import dev.airlock.model.TokenListener;
import dev.airlock.model.Usage;
import dev.airlock.sandbox.ExecutionControl;
import dev.airlock.sandbox.ExecutionRequest;
import dev.airlock.sandbox.ExecutionResult;
import dev.airlock.sandbox.OutputListener;
import dev.airlock.sandbox.Sandbox;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock bench engine}: the loop's own cost per turn (parsing, risk scan, diffing, events,
 * the transcript flushed per event) with an instant model and an instant sandbox, against the
 * cheapest real execution there is, a bare {@code python3 -c pass}, measured in the same run.
 */
@Command(
    name = "bench-engine",
    mixinStandardHelpOptions = true,
    description =
        "Print the engine's overhead per turn (no model, no sandbox) against a bare python3 start.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--runs",
      defaultValue = "300",
      description = "8-turn runs to time (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "The python for the baseline.")
  String python;

  private static final String RESPONSE =
      "<reasoning>Import the payments file into the branch, then count rows."
          + "</reasoning>\n<packages>pandas</packages>\n<code>\nimport bauplan\nclient = bauplan.Client()\n"
          + "client.create_branch('me.import', from_ref='main', if_not_exists=True)\n"
          + "state = client.import_data('payments', 's3://raw/payments.parquet', branch='me.import')\n"
          + "print(state.job_status)\n</code>";

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("airlock-bench");
    try {
      timeRuns(dir, 30, "warmup");
      double perTurnUs = timeRuns(dir, runs, "bench") / (runs * 8.0) / 1_000.0;
      double pythonUs = barePython(15);
      System.out.printf(
          Locale.ROOT,
          "engine overhead per turn (transcript on): %.1f µs over %d turns%n",
          perTurnUs,
          runs * 8);
      System.out.printf(
          Locale.ROOT, "bare `python3 -c pass` (median of 15):     %.1f µs%n", pythonUs);
      System.out.printf(
          Locale.ROOT, "ratio engine-turn / bare-python-start:     %.4f%n", perTurnUs / pythonUs);
      return ExitCodes.OK;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private long timeRuns(Path dir, int count, String prefix) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      try (TranscriptRecorder recorder =
          new TranscriptRecorder(
              TranscriptWriter.create(dir.resolve(id + ".jsonl"), Redactor.NONE))) {
        AgentRun run =
            new AgentRun(
                RunConfig.defaults(id),
                Conversation.opening(
                    List.of(
                        ChatMessage.system("rules ".repeat(400)),
                        ChatMessage.user("task ".repeat(100)))),
                "me.bench",
                new InstantModel(),
                new InstantSandbox(),
                new AutoApprove(),
                TurnHooks.NONE,
                recorder,
                Clock.systemUTC());
        RunOutcome outcome =
            run.run(
                new RunEvent.RunStarted(
                    0,
                    Instant.now(),
                    RunEvent.FORMAT,
                    id,
                    "instant",
                    "instant",
                    true,
                    "auto",
                    8,
                    null,
                    null,
                    null,
                    Map.of()));
        if (outcome.status() != RunStatus.FAILED || outcome.turns() != 8) {
          throw new IllegalStateException("benchmark run ended unexpectedly: " + outcome);
        }
      }
    }
    return System.nanoTime() - start;
  }

  private double barePython(int samples) throws IOException, InterruptedException {
    long[] times = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      new ProcessBuilder(python, "-c", "pass").redirectErrorStream(true).start().waitFor();
      times[i] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    return times[samples / 2] / 1_000.0;
  }

  private static final class InstantModel implements ModelClient {
    @Override
    public ModelResponse complete(List<ChatMessage> messages, TokenListener tokens) {
      tokens.onToken(RESPONSE);
      return new ModelResponse(RESPONSE, new Usage(1000, 100), null, "stop", Duration.ZERO, 1);
    }

    @Override
    public String id() {
      return "instant";
    }
  }

  private static final class InstantSandbox implements Sandbox {
    @Override
    public ExecutionResult execute(
        ExecutionRequest request, OutputListener output, ExecutionControl control) {
      output.onOutput(OutputListener.Stream.STDOUT, "SUCCESS\n");
      return new ExecutionResult(
          ExecutionResult.Status.OK,
          0,
          "SUCCESS\n",
          "",
          0,
          0,
          null,
          Duration.ofMillis(1),
          List.of());
    }

    @Override
    public String describe() {
      return "instant";
    }

    @Override
    public boolean isolated() {
      return true;
    }

    @Override
    public void close() {}
  }
}
