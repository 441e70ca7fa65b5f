package dev.airlock.cli;

import dev.airlock.agent.Decision;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Redactor;
import dev.airlock.transcript.TranscriptWriter;
import dev.airlock.ui.output.ConsoleBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code airlock bench-console}: the console measured, not assumed. The measuring is the console's
 * own code ({@code dev.airlock.ui.output.ConsoleBenchmark}); this command gives it a recorded run
 * to open and prints what it reports.
 */
@Command(
    name = "bench-console",
    mixinStandardHelpOptions = true,
    description = {
      "Stream output lines into the console's output pane (lines per second, longest"
          + " FX-thread stall) and time the start of the console against a bare JavaFX window.",
      "Needs a display; on a machine without one: xvfb-run -a airlock bench-console"
    })
final class BenchConsoleCommand implements Callable<Integer> {
  @Option(
      names = "--lines",
      defaultValue = "100000",
      description = "Output lines to stream into the pane (default ${DEFAULT-VALUE}).")
  int lines;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description =
          "Pairs of fresh JVMs (bare window and console, alternating which starts first) for the"
              + " start times; median, min and max of the per-pair ratios are reported (default"
              + " ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--streams",
      defaultValue = "3",
      description =
          "Times the output lines are streamed; median, min and max of each stream's longest"
              + " stall are reported (default ${DEFAULT-VALUE}).")
  int streams;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      description =
          "Run only these parts: STREAM (the output pane), START (the window start), EXPLORER"
              + " (the data explorer on a 10M-row table).")
  Set<ConsoleBenchmark.Part> only;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description = "A recorded run (.jsonl) for the console to open; default: a generated one.")
  Path replay;

  @Override
  public Integer call() throws Exception {
    if (lines < 1 || runs < 1 || streams < 1) {
      System.err.println(
          "airlock bench-console: --lines, --runs and --streams must be at least 1.");
      return ExitCodes.USAGE;
    }
    if (replay != null && !Files.isRegularFile(replay)) {
      System.err.println(
          "airlock bench-console: no recorded run at "
              + replay
              + ": give a transcript file listed by `airlock runs`, or leave --replay out.");
      return ExitCodes.USAGE;
    }
    Path dir = Files.createTempDirectory("airlock-bench-console");
    try {
      Path file = replay != null ? replay : recordedRun(dir.resolve("bench-run.jsonl"));
      Set<ConsoleBenchmark.Part> parts =
          only == null || only.isEmpty() ? EnumSet.allOf(ConsoleBenchmark.Part.class) : only;
      int code = ConsoleBenchmark.run(lines, streams, runs, file, parts, System.out);
      return code == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    } catch (IllegalStateException e) {
      System.err.println("airlock bench-console: " + CommandName.render(e.getMessage()));
      return ExitCodes.UNAVAILABLE;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A short finished run, as a transcript: one turn with 400 output lines and a data change. */
  private static Path recordedRun(Path file) {
    Instant at = Instant.parse("2026-11-28T05:00:00Z");
    String code = "import bauplan\nclient = bauplan.Client()\nprint('loaded')\n";
    String sha = "ab".repeat(32);
    StringBuilder stdout = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      stdout.append(
          String.format(Locale.ROOT, "loading fees batch %d: %d rows so far%n", i, i * 25));
    }
    List<RunEvent> events =
        List.of(
            new RunEvent.RunStarted(
                0,
                at,
                RunEvent.FORMAT,
                "bench-console",
                "demo model (scripted)",
                "bubblewrap",
                true,
                "always",
                8,
                null,
                "airlock/bench-console",
                null,
                Map.of()),
            new RunEvent.ModelRequested(
                1,
                at,
                "demo model (scripted)",
                List.of(new ChatMessage(ChatMessage.Role.USER, "Load the fees."))),
            new RunEvent.ModelResponded(
                1,
                at,
                "<reasoning>Load them.</reasoning>",
                new Usage(1697, 24),
                0.0004,
                400,
                1,
                "stop"),
            new RunEvent.ResponseParsed(
                1,
                at,
                ParsedResponse.Kind.PROPOSAL,
                "Load the fees into one table on the run's branch.",
                List.of(),
                code,
                null,
                null),
            new RunEvent.ApprovalRequested(1, at, "always", code, sha, List.of()),
            new RunEvent.Decided(
                1, at, Decision.Verdict.APPROVE, "human:bench", code, code, sha, null, null),
            new RunEvent.ExecutionStarted(1, at, sha, "bubblewrap", 300_000),
            new RunEvent.ExecutionFinished(
                1, at, "OK", 0, stdout.toString(), "", 0, 0, null, 1_200, List.of()),
            new RunEvent.DataEffects(
                1,
                at,
                List.of(
                    new RunEvent.BranchEffect(
                        "airlock/bench-console",
                        "1a2b3c4d5e6f7a8b9c0d",
                        "c3d4e5f6a7b8c9d0e1f2",
                        List.of("fees"),
                        10_000,
                        1))),
            new RunEvent.RunFinished(
                0,
                at,
                RunStatus.DONE,
                "the agent is done",
                1,
                new Usage(1697, 24),
                0.0004,
                "airlock/bench-console",
                "fees loaded"));
    try (TranscriptWriter writer = TranscriptWriter.create(file, Redactor.NONE)) {
      events.forEach(writer::append);
    }
    return file;
  }
}
