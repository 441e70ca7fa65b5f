package dev.airlock.cli;

import dev.airlock.session.RunCatalog;
import dev.airlock.session.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
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
    for (RunSummary h : RunCatalog.list(dir)) {
      String file = String.valueOf(h.file().getFileName());
      if (h.problem() != null) {
        out.printf(Locale.ROOT, "%-26s unreadable: %s%n", file, h.problem());
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-26s %-16s %-11s %5d  %-30s %s%n",
          h.runId(),
          TIME.format(h.started()),
          h.status().name().toLowerCase(Locale.ROOT),
          h.turns(),
          h.model(),
          h.branch() == null ? "" : h.branch());
      h.skipped()
          .forEach(
              l ->
                  out.printf(
                      Locale.ROOT,
                      "  note: line %d of %s is not a record and was skipped (%s)%n",
                      l.number(),
                      file,
                      l.reason()));
    }
    return ExitCodes.OK;
  }
}
