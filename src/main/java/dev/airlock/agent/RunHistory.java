package dev.airlock.agent;

import dev.airlock.transcript.TranscriptException;
import dev.airlock.transcript.TranscriptReader;
import java.nio.file.Path;
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
    TranscriptReader.Result<RunEvent> result = TranscriptReader.read(transcript, RunEvent.class);
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

  /** The end record's status; with none, running while a process writes it, else interrupted. */
  public RunStatus status() {
    if (finished != null) {
      return finished.status();
    }
    return writerAlive ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
  }
}
