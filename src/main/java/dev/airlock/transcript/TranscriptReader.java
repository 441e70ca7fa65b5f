package dev.airlock.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a JSON Lines transcript back into records. A last line cut short by a crash is skipped and
 * reported in {@link Result#truncatedTail()}; a bad line elsewhere is skipped too and listed in
 * {@link Result#skipped()} with its number and why, so one damaged line never hides the rest.
 */
public final class TranscriptReader {
  private TranscriptReader() {}

  /**
   * What a transcript holds. {@code writerAlive}: a process was writing it when it was read (a
   * transcript with no end record and no live writer belongs to a run that was killed or crashed).
   */
  public record Result<T>(
      List<T> records, boolean truncatedTail, List<SkippedLine> skipped, boolean writerAlive) {
    public Result {
      records = List.copyOf(records);
      skipped = List.copyOf(skipped);
    }
  }

  /** A line that is not a record, by its 1-based number in the file. */
  public record SkippedLine(int number, String reason) {}

  public static <T> Result<T> read(Path file, Class<T> type) throws TranscriptException {
    return read(file, type, record -> null);
  }

  /**
   * Reads {@code file}, skipping as well every record for which {@code invalid} gives a reason: a
   * line that is JSON of the right shape can still lack what a record must have (a file someone
   * hands you was not necessarily written by Airlock).
   */
  public static <T> Result<T> read(Path file, Class<T> type, Function<? super T, String> invalid)
      throws TranscriptException {
    // Liveness first: a writer that is gone by now wrote its last line before this read begins.
    boolean alive = WriterLock.isHeld(file);
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (NoSuchFileException e) {
      throw new TranscriptException(
          "no transcript at " + file + ": pass a .jsonl file or a run id listed by `airlock runs`");
    } catch (IOException e) {
      throw new TranscriptException("cannot read the transcript " + file + ": " + e.getMessage());
    }
    List<T> records = new ArrayList<>();
    List<SkippedLine> skipped = new ArrayList<>();
    boolean truncated = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        T record = Json.mapper().readValue(line, type);
        String problem = invalid.apply(record);
        if (problem == null) {
          records.add(record);
        } else {
          skipped.add(new SkippedLine(i + 1, problem));
        }
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          truncated = true;
        } else {
          skipped.add(new SkippedLine(i + 1, firstLine(e.getOriginalMessage())));
        }
      }
    }
    return new Result<>(records, truncated, skipped, alive);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
