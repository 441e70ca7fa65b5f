package dev.airlock.session;

import dev.airlock.agent.AgentRun;
import dev.airlock.agent.AutoApprove;
import dev.airlock.agent.Conversation;
import dev.airlock.agent.RunConfig;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunOutcome;
import dev.airlock.agent.RunStatus;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The loop's own cost per turn (parsing, risk scan, diffing, the event stream, the transcript
 * flushed per event) with an instant model and an instant sandbox: what {@code airlock
 * bench-engine} times against a bare Python start.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  private static final String RESPONSE =
      "<reasoning>Import the payments file into the branch, then count rows."
          + "</reasoning>\n<packages>pandas</packages>\n<code>\nimport bauplan\nclient = bauplan.Client()\n"
          + "client.create_branch('me.import', from_ref='main', if_not_exists=True)\n"
          + "state = client.import_data('payments', 's3://raw/payments.parquet', branch='me.import')\n"
          + "print(state.job_status)\n</code>";

  /** Runs {@code count} eight-turn runs, transcripts in {@code dir}; returns the nanoseconds. */
  public static long timeRuns(Path dir, int count, String prefix) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + i;
      TranscriptSink recorder = new TranscriptSink(dir.resolve(id + ".jsonl"), Redactor.NONE);
      EventStream stream =
          new EventStream(
              id,
              List.of(recorder),
              e -> {
                throw e;
              },
              Clock.systemUTC());
      try {
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
                stream,
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
      } finally {
        stream.close(10);
        recorder.close();
      }
    }
    return System.nanoTime() - start;
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
