package dev.airlock.agent;

import dev.airlock.transcript.TranscriptException;
import dev.airlock.transcript.TranscriptReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run rebuilt from its events: the start, one {@link TurnRecord} per turn, the end (null while
 * the run is going or if it was killed), folded by {@link RunProjection}. Read from a file, it also
 * says which lines were skipped and whether a process is still writing it.
 */
public record RunHistory(
    RunEvent.RunStarted started,
    List<TurnRecord> turns,
    RunEvent.RunFinished finished,
    boolean truncated,
    List<TranscriptReader.SkippedLine> skippedLines,
    boolean writerAlive) {

  /**
   * The transcript formats this version reads: its own, and version 1, whose map-shaped check
   * reports have the shape of a {@code VerificationReport} and bind to it as they are.
   */
  public static final List<String> READABLE_FORMATS =
      List.of("airlock-transcript/1", RunEvent.FORMAT);

  public RunHistory {
    turns = List.copyOf(turns);
    skippedLines = List.copyOf(skippedLines);
  }

  public static RunHistory read(Path transcript) throws TranscriptException {
    TranscriptReader.Result<RunEvent> result =
        TranscriptReader.read(transcript, RunEvent.class, RunHistory::invalid);
    if (result.records().isEmpty()
        || !(result.records().get(0) instanceof RunEvent.RunStarted start)) {
      boolean firstLost = !result.skipped().isEmpty() && result.skipped().get(0).number() == 1;
      throw new TranscriptException(
          transcript
              + (firstLost
                  ? " line 1, the run_started record, is unreadable ("
                      + result.skipped().get(0).reason()
                      + "): the run cannot be rebuilt without it"
                  : " does not start with a run_started record: it is not an Airlock transcript"));
    }
    if (!READABLE_FORMATS.contains(start.format())) {
      throw new TranscriptException(
          transcript
              + " has format "
              + start.format()
              + ", which this Airlock cannot read (it reads "
              + String.join(" and ", READABLE_FORMATS)
              + "): read it with the Airlock version that wrote it, or a newer one");
    }
    RunHistory folded = fold(result.records());
    return new RunHistory(
        folded.started(),
        folded.turns(),
        folded.finished(),
        result.truncatedTail(),
        result.skipped(),
        result.writerAlive());
  }

  /**
   * A live run's events so far, folded by a {@link RunProjection}: its writer is alive by
   * definition, and nothing was skipped.
   */
  public static RunHistory fold(List<RunEvent> events) {
    RunProjection projection = new RunProjection();
    projection.applyAll(events);
    return projection.history();
  }

  /**
   * What of the transcript could not be read, in a line: the lines skipped (the first three with
   * why) and a last line cut short; null when all of it was read.
   */
  public String readNote() {
    List<String> parts = new ArrayList<>();
    if (!skippedLines.isEmpty()) {
      StringBuilder b =
          new StringBuilder(
              skippedLines.size()
                  + (skippedLines.size() == 1 ? " line" : " lines")
                  + " of the transcript skipped");
      for (int i = 0; i < Math.min(3, skippedLines.size()); i++) {
        b.append(i == 0 ? ": " : "; ")
            .append("line ")
            .append(skippedLines.get(i).number())
            .append(", ")
            .append(skippedLines.get(i).reason());
      }
      if (skippedLines.size() > 3) {
        b.append("; …");
      }
      parts.add(b.toString());
    }
    if (truncated) {
      parts.add("its last line is cut short");
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  /** The end record's status; with none, running while a process writes it, else interrupted. */
  public RunStatus status() {
    if (finished != null) {
      return finished.status();
    }
    return writerAlive ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
  }

  /**
   * Why {@code e}, read from a file, cannot be taken as an event of a run; null when it can. The
   * engine never writes such an event, but a transcript someone hands you may hold anything of the
   * right JSON shape: a turn below 0, a missing verdict or status, null entries in lists. Such an
   * event is skipped and reported like an unreadable line, so that every reader of a run (the fold,
   * the command line, the console) gets only events the engine could have written.
   */
  static String invalid(RunEvent e) {
    String type = e.getClass().getSimpleName();
    if (e.turn() < 0) {
      return type + " for turn " + e.turn() + ": turns start at 1";
    }
    if (e.at() == null) {
      return type + " without its time (at)";
    }
    List<String> missing = new ArrayList<>();
    if (e instanceof RunEvent.RunStarted s) {
      require(missing, s.runId(), "runId");
      require(missing, s.format(), "format");
    } else if (e instanceof RunEvent.ModelToken t) {
      require(missing, t.text(), "text");
    } else if (e instanceof RunEvent.ResponseParsed p) {
      require(missing, p.kind(), "kind");
      requireEntries(missing, p.packages(), "packages");
    } else if (e instanceof RunEvent.ApprovalRequested a) {
      requireEntries(missing, a.risks(), "risks");
    } else if (e instanceof RunEvent.Decided d) {
      require(missing, d.verdict(), "verdict");
    } else if (e instanceof RunEvent.OutputChunk c) {
      require(missing, c.text(), "text");
    } else if (e instanceof RunEvent.ExecutionFinished f) {
      require(missing, f.status(), "status");
      requireEntries(missing, f.missingPackages(), "missingPackages");
    } else if (e instanceof RunEvent.LakehouseCall c) {
      require(missing, c.method(), "method");
    } else if (e instanceof RunEvent.DataChanged d) {
      require(missing, d.operation(), "operation");
      require(missing, d.ref(), "ref");
    } else if (e instanceof RunEvent.DataEffects d) {
      require(missing, d.branches(), "branches");
      requireEntries(missing, d.branches(), "branches");
      if (d.branches() != null
          && d.branches().stream().anyMatch(b -> b != null && b.branch() == null)) {
        missing.add("branches[].branch");
      }
    } else if (e instanceof RunEvent.MergeRequested m) {
      require(missing, m.source(), "source");
      require(missing, m.target(), "target");
      requireEntries(missing, m.changes(), "changes");
      requireEntries(missing, m.provenance(), "provenance");
      requireEntries(missing, m.previews(), "previews");
      if (m.auditTime() != null && !m.auditTime().plausible()) {
        return type
            + " for turn "
            + e.turn()
            + " with an audit time the engine cannot have written (a figure below 0 or above a"
            + " week, or a table without its name)";
      }
    } else if (e instanceof RunEvent.MergeDecided m) {
      require(missing, m.source(), "source");
      require(missing, m.target(), "target");
    } else if (e instanceof RunEvent.PhaseChanged p) {
      require(missing, p.phase(), "phase");
    } else if (e instanceof RunEvent.Notice n) {
      require(missing, n.severity(), "severity");
      require(missing, n.message(), "message");
    } else if (e instanceof RunEvent.BudgetReached b) {
      require(missing, b.used(), "used");
      require(missing, b.limit(), "limit");
      require(missing, b.limits(), "limits");
      requireEntries(missing, b.limits(), "limits");
    } else if (e instanceof RunEvent.BudgetDecided b) {
      require(missing, b.verdict(), "verdict");
    } else if (e instanceof RunEvent.RunFinished f) {
      require(missing, f.status(), "status");
    }
    return missing.isEmpty()
        ? null
        : type + " for turn " + e.turn() + " without " + String.join(", ", missing);
  }

  private static void require(List<String> missing, Object value, String field) {
    if (value == null) {
      missing.add(field);
    }
  }

  private static void requireEntries(List<String> missing, List<?> values, String field) {
    if (values != null && values.stream().anyMatch(v -> v == null)) {
      missing.add(field + " entries");
    }
  }
}
