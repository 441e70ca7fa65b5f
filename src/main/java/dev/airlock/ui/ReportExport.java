package dev.airlock.ui;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunProjection;
import dev.airlock.report.ReportFiles;
import dev.airlock.report.ReportFormat;
import dev.airlock.report.ReportTarget;
import dev.airlock.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File > Export report (Ctrl+Shift+E): the selected run (recorded, finished or live: live, its
 * events so far) as one HTML page, or Markdown when the chosen name ends in .md, written where the
 * person chooses. The report is rendered and written on a background thread; the action bar says
 * where it went, or why not.
 */
final class ReportExport {
  private final Executor background;
  private final Consumer<String> say;
  private Path folder = Path.of(System.getProperty("user.home"));
  private Path suggested;

  /**
   * Asks where to save the report ({@link #suggested()} is the name to offer); null when the person
   * cancels. The native save dialog cannot be driven by a test: tests replace this.
   */
  Function<Window, Path> chooser = this::askForFile;

  ReportExport(Executor background, Consumer<String> say) {
    this.background = background;
    this.say = say;
  }

  /** The file the chooser offers: RUN.html in the last export's folder, else the home folder. */
  Path suggested() {
    return suggested;
  }

  /** Exports {@code entry}; on the FX thread. */
  void export(Window owner, RunEntry entry) {
    RunProjection projection = entry == null ? null : entry.model.projection();
    if (projection == null || projection.started() == null) {
      say.accept(
          entry == null
              ? "Export: no run is selected: open a recorded run or start one first"
              : "Export: this run has not started yet: there is nothing to report");
      return;
    }
    RunHistory folded = projection.history();
    // A recorded run is read from a file nobody writes any more; a live one is still going.
    RunHistory history =
        new RunHistory(
            folded.started(),
            folded.turns(),
            folded.finished(),
            false,
            folded.skippedLines(),
            !entry.replay && folded.finished() == null);
    String readNote = entry.readNote;
    suggested = folder.resolve(RunReport.fileName(history.started().runId(), ReportFormat.HTML));
    Path target = chooser.apply(owner);
    if (target == null) {
      say.accept("Export cancelled");
      return;
    }
    Path file = target.toAbsolutePath();
    String byName = ReportTarget.refusalByName(file);
    if (byName != null) {
      say.accept("Export: " + byName); // at once; a transcript by content is refused by the write
      return;
    }
    if (file.getParent() != null) {
      folder = file.getParent();
    }
    ReportFormat format = formatOf(file);
    say.accept("Exporting the report to " + file + " …");
    background.execute(
        () -> {
          String outcome;
          try {
            // The .env the redactor reads is I/O too: all of it happens here, off the FX thread.
            RunReport report =
                RunReport.of(history, readNote, ReportFiles.redactor(System.getenv(), Path.of("")));
            ReportFiles.write(file, report.render(format));
            // The name first: a long folder is what the action bar cuts (its tooltip has it all).
            outcome = "Report written to " + file.getFileName() + " in " + file.getParent();
          } catch (ReportTarget.Refused e) {
            outcome = "Export: " + e.getMessage();
          } catch (IOException e) {
            outcome =
                "Export failed: cannot write "
                    + file
                    + " ("
                    + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage())
                    + "): choose another folder";
          } catch (RuntimeException e) {
            outcome = "Export failed: " + e;
          }
          String said = outcome;
          Platform.runLater(() -> say.accept(said));
        });
  }

  /** Markdown for a name ending in .md or .markdown; HTML for anything else. */
  static ReportFormat formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown")
        ? ReportFormat.MARKDOWN
        : ReportFormat.HTML;
  }

  private Path askForFile(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the run's report");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("HTML page (*.html)", "*.html", "*.htm"),
            new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
    File dir = suggested.getParent().toFile();
    if (dir.isDirectory()) {
      chooser.setInitialDirectory(dir);
    }
    chooser.setInitialFileName(suggested.getFileName().toString());
    File chosen = chooser.showSaveDialog(owner);
    return chosen == null ? null : chosen.toPath();
  }
}
