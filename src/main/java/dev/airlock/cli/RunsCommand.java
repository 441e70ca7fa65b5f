package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.transcript.TranscriptException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List recorded runs, newest first, with their status and turns.")
final class RunsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  @Mixin RunsDirOption runs;

  @Override
  public Integer call() throws IOException {
    Path dir = runs.resolve();
    if (!Files.isDirectory(dir)) {
      System.out.println(
          "No runs yet in " + dir + ". Start one with `" + CommandName.of("run") + "`.");
      return ExitCodes.OK;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    PrintStream out = SafeTerminal.wrap(System.out); // transcripts hold model and sandbox text
    out.printf(
        Locale.ROOT,
        "%-26s %-16s %-11s %5s  %-30s %s%n",
        "RUN",
        "STARTED",
        "STATUS",
        "TURNS",
        "MODEL",
        "BRANCH");
    for (int i = files.size() - 1; i >= 0; i--) {
      Path f = files.get(i);
      try {
        RunHistory h = RunHistory.read(f);
        out.printf(
            Locale.ROOT,
            "%-26s %-16s %-11s %5d  %-30s %s%n",
            h.started().runId(),
            TIME.format(h.started().at()),
            h.status().name().toLowerCase(Locale.ROOT),
            h.turns().size(),
            h.started().model(),
            h.started().branch() == null ? "" : h.started().branch());
        h.skippedLines()
            .forEach(
                l ->
                    out.printf(
                        Locale.ROOT,
                        "  note: line %d of %s is not a record and was skipped (%s)%n",
                        l.number(),
                        f.getFileName(),
                        l.reason()));
      } catch (TranscriptException e) {
        out.printf(Locale.ROOT, "%-26s unreadable: %s%n", f.getFileName(), e.getMessage());
      }
    }
    return ExitCodes.OK;
  }
}
