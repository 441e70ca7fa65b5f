package dev.airlock.agent;

import dev.airlock.transcript.TranscriptException;
import dev.airlock.transcript.TranscriptReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run rebuilt from its events: the start, one {@link TurnRecord} per turn, the end (null while
 * the run is going or if it was killed). Live views and replays both render from this. Read from a
 * file, it also says which lines were skipped and whether a process is still writing it.
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

  /** A live run's events so far: its writer is alive by definition, and nothing was skipped. */
  public static RunHistory fold(List<RunEvent> events) {
    RunEvent.RunStarted started = null;
    RunEvent.RunFinished finished = null;
    Map<Integer, Builder> turns = new TreeMap<>();
    for (RunEvent e : events) {
      if (e instanceof RunEvent.RunStarted s) {
        started = s;
      } else if (e instanceof RunEvent.RunFinished f) {
        finished = f;
      } else if (e.turn() > 0 && e.persistent()) {
        turns.computeIfAbsent(e.turn(), Builder::new).add(e);
      }
    }
    List<TurnRecord> records = new ArrayList<>();
    turns.values().forEach(b -> records.add(b.build()));
    return new RunHistory(started, records, finished, false, List.of(), true);
  }

  /** The end record's status; with none, running while a process writes it, else interrupted. */
  public RunStatus status() {
    if (finished != null) {
      return finished.status();
    }
    return writerAlive ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
  }

  private static final class Builder {
    private final int turn;
    private RunEvent.ModelRequested request;
    private RunEvent.ModelResponded response;
    private RunEvent.ResponseParsed parsed;
    private RunEvent.ApprovalRequested approval;
    private RunEvent.Decided decision;
    private RunEvent.ExecutionStarted started;
    private RunEvent.ExecutionFinished execution;
    private final List<RunEvent.LakehouseCall> calls = new ArrayList<>();
    private final List<RunEvent.DataChanged> changes = new ArrayList<>();
    private final List<RunEvent.MergeRequested> merges = new ArrayList<>();
    private RunEvent.DataEffects effects;
    private final List<RunEvent.PostMergeChecked> postMerge = new ArrayList<>();
    private final List<RunEvent.MergeDecided> mergeDecisions = new ArrayList<>();
    private final List<RunEvent.Notice> notices = new ArrayList<>();

    Builder(int turn) {
      this.turn = turn;
    }

    void add(RunEvent e) {
      if (e instanceof RunEvent.ModelRequested r) {
        request = r;
      } else if (e instanceof RunEvent.ModelResponded r) {
        response = r;
      } else if (e instanceof RunEvent.ResponseParsed p) {
        parsed = p;
      } else if (e instanceof RunEvent.ApprovalRequested a) {
        approval = a;
      } else if (e instanceof RunEvent.Decided d) {
        decision = d;
      } else if (e instanceof RunEvent.ExecutionStarted s) {
        started = s;
      } else if (e instanceof RunEvent.ExecutionFinished f) {
        execution = f;
      } else if (e instanceof RunEvent.LakehouseCall c) {
        calls.add(c);
      } else if (e instanceof RunEvent.DataChanged d) {
        changes.add(d);
      } else if (e instanceof RunEvent.DataEffects d) {
        effects = d;
      } else if (e instanceof RunEvent.MergeRequested m) {
        merges.add(m);
      } else if (e instanceof RunEvent.MergeDecided m) {
        mergeDecisions.add(m);
      } else if (e instanceof RunEvent.PostMergeChecked p) {
        postMerge.add(p);
      } else if (e instanceof RunEvent.Notice n) {
        notices.add(n);
      }
    }

    TurnRecord build() {
      return new TurnRecord(
          turn,
          request,
          response,
          parsed,
          approval,
          decision,
          started,
          execution,
          List.copyOf(calls),
          List.copyOf(changes),
          effects,
          List.copyOf(merges),
          List.copyOf(mergeDecisions),
          List.copyOf(postMerge),
          List.copyOf(notices));
    }
  }
}
