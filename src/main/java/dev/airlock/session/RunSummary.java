package dev.airlock.session;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.transcript.TranscriptReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One recorded run as a list of runs shows it ({@code airlock runs}, the console's runs browser):
 * where its transcript is, what it is, how it ended. An unreadable transcript is a summary too,
 * with {@code problem} saying why and the run's fields null, so a list never hides a file.
 *
 * @param runId the run id its {@code run_started} record names (the file name when unreadable)
 * @param status how it ended; null when the transcript cannot be read
 * @param costUsd what the model calls cost, when a price was known
 * @param forkedFrom "RUN@TURN" when the run was forked from another, else null
 * @param skipped lines of the transcript that are not records (known only from a full read)
 * @param problem why the transcript cannot be read, or null
 */
public record RunSummary(
    Path file,
    String runId,
    Instant started,
    RunStatus status,
    int turns,
    String model,
    String branch,
    Double costUsd,
    String forkedFrom,
    List<TranscriptReader.SkippedLine> skipped,
    String problem) {

  public RunSummary {
    skipped = List.copyOf(skipped);
  }

  /** A transcript that could not be read: its file name stands in for the run id. */
  static RunSummary unreadable(Path file, String problem) {
    String name = String.valueOf(file.getFileName());
    String id = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return new RunSummary(file, id, null, null, 0, null, null, null, null, List.of(), problem);
  }

  /** The run's start and its end record, when the end is all that is needed (no turn count). */
  static RunSummary of(Path file, RunEvent.RunStarted start, RunEvent.RunFinished end) {
    return new RunSummary(
        file,
        start.runId(),
        start.at(),
        end.status(),
        end.turns(),
        start.model(),
        end.branch() != null ? end.branch() : start.branch(),
        end.costUsd(),
        start.forkedFrom(),
        List.of(),
        null);
  }

  /** A run read in full: the turns it recorded, its cost so far when it has not ended. */
  static RunSummary of(Path file, RunHistory h) {
    RunEvent.RunStarted start = h.started();
    Double cost = h.finished() != null ? h.finished().costUsd() : costSoFar(h.turns());
    return new RunSummary(
        file,
        start.runId(),
        start.at(),
        h.status(),
        h.turns().size(),
        start.model(),
        start.branch(),
        cost,
        start.forkedFrom(),
        h.skippedLines(),
        null);
  }

  private static Double costSoFar(List<TurnRecord> turns) {
    Double sum = null;
    for (TurnRecord t : turns) {
      if (t.response() != null && t.response().costUsd() != null) {
        sum = (sum == null ? 0 : sum) + t.response().costUsd();
      }
    }
    return sum;
  }

  /** Whether {@code query} (words, any case) matches this run's id, status, model or branch. */
  public boolean matches(String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String hay =
        String.join(
                " ",
                String.valueOf(runId),
                status == null ? "unreadable" : status.name(),
                String.valueOf(model),
                String.valueOf(branch),
                forkedFrom == null ? "" : "forked " + forkedFrom)
            .toLowerCase(Locale.ROOT);
    for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!hay.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
