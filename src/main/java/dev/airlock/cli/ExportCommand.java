package dev.airlock.cli;

import dev.airlock.agent.RunHistory;
import dev.airlock.report.ReportFiles;
import dev.airlock.report.ReportFormat;
import dev.airlock.report.ReportTarget;
import dev.airlock.report.RunReport;
import dev.airlock.session.AirlockPaths;
import dev.airlock.transcript.TranscriptException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a self-contained report of a run (Markdown or one offline HTML page), from its"
            + " transcript alone.")
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN",
      description = "A transcript file (.jsonl) or a run id from `airlock runs`.")
  String run;

  @Option(
      names = "--format",
      paramLabel = "md|html",
      description = "Default: from -o's extension (.html and .htm: html), else md.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report here (whole or not at all). Default: standard output.")
  Path output;

  @Mixin RunsDirOption runs;

  @Override
  public Integer call() {
    ReportFormat chosen;
    try {
      chosen =
          format != null
              ? ReportFormat.parse(format)
              : output != null ? ReportFormat.forFile(output) : ReportFormat.MARKDOWN;
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    Path transcript = AirlockPaths.transcriptOf(run, runs.resolve());
    RunHistory history;
    try {
      history = RunHistory.read(transcript);
    } catch (TranscriptException e) {
      return fail(e.getMessage());
    }
    String text =
        RunReport.of(history, ReportFiles.redactor(System.getenv(), Path.of(""))).render(chosen);
    if (output == null) {
      PrintStream out = SafeTerminal.wrap(System.out);
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    try {
      ReportFiles.write(output, text);
    } catch (ReportTarget.Refused e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail(
          "cannot write the report to "
              + output
              + " ("
              + why(e)
              + "): choose a file in a folder that exists and you can write to, or leave out -o"
              + " for standard output");
    }
    SafeTerminal.wrap(System.err)
        .println(
            "airlock export: wrote the "
                + chosen.word()
                + " report of "
                + history.started().runId()
                + " to "
                + output);
    return ExitCodes.OK;
  }

  /** Why a write failed, in words: the exceptions of java.nio name only the path. */
  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage();
  }

  private static int fail(String message) {
    System.err.println("airlock export: " + CommandName.render(message));
    return ExitCodes.USAGE;
  }
}
