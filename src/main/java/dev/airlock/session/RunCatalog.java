package dev.airlock.session;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.transcript.Json;
import dev.airlock.transcript.TranscriptException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recorded runs of a runs folder, for {@code airlock runs} and the console's runs browser. A
 * {@link #quick} summary reads a transcript's first line and its tail only (a finished run's end
 * record holds its status, turns and cost), so hundreds of transcripts list in moments; a run
 * without an end record, and the command line, read the whole file ({@link #full}).
 */
public final class RunCatalog {
  /** How much of a transcript's end {@link #quick} reads to find its end record. */
  static final int TAIL_BYTES = 64 * 1024;

  /** Newest start first; unreadable transcripts last, by file name. */
  public static final Comparator<RunSummary> NEWEST_FIRST =
      Comparator.comparing(RunSummary::started, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(s -> String.valueOf(s.file().getFileName()), Comparator.reverseOrder());

  private RunCatalog() {}

  /**
   * The transcripts ({@code *.jsonl}) in {@code dir}, newest name first (run ids start with their
   * UTC start time); empty when the folder does not exist yet.
   */
  public static List<Path> transcripts(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    }
  }

  /** Every run in {@code dir}, read in full, newest first (the command line's list). */
  public static List<RunSummary> list(Path dir) throws IOException {
    return transcripts(dir).stream().map(RunCatalog::full).sorted(NEWEST_FIRST).toList();
  }

  /** {@code transcript} read in full: skipped lines, turns and cost so far included. */
  public static RunSummary full(Path transcript) {
    try {
      return RunSummary.of(transcript, RunHistory.read(transcript));
    } catch (TranscriptException e) {
      return RunSummary.unreadable(transcript, e.getMessage());
    }
  }

  /**
   * What a list needs of {@code transcript}, from its first line and its end record; a run with no
   * readable end record (running, killed, cut short) is read in full.
   */
  public static RunSummary quick(Path transcript) {
    RunEvent.RunStarted start;
    try (BufferedReader in = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null
          || !(Json.mapper().readValue(first, RunEvent.class) instanceof RunEvent.RunStarted s)
          || s.runId() == null
          || s.at() == null
          || !RunHistory.READABLE_FORMATS.contains(s.format())) {
        return full(transcript); // says precisely what is wrong with it
      }
      start = s;
    } catch (IOException | RuntimeException e) {
      return full(transcript);
    }
    RunEvent.RunFinished end = endRecord(transcript);
    return end == null ? full(transcript) : RunSummary.of(transcript, start, end);
  }

  /** The last line of {@code transcript} when it is a complete end record, else null. */
  static RunEvent.RunFinished endRecord(Path transcript) {
    try (RandomAccessFile f = new RandomAccessFile(transcript.toFile(), "r")) {
      long size = f.length();
      int n = (int) Math.min(size, TAIL_BYTES);
      byte[] tail = new byte[n];
      f.seek(size - n);
      f.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8).stripTrailing();
      int from = text.lastIndexOf('\n') + 1;
      if (from == 0 && n < size) {
        return null; // an end record longer than the tail: not one the engine writes
      }
      RunEvent last = Json.mapper().readValue(text.substring(from), RunEvent.class);
      return last instanceof RunEvent.RunFinished end && end.status() != null && end.at() != null
          ? end
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
