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

/**
 * Reads a JSON Lines transcript back into records. A last line cut short by a crash is skipped and
 * reported in {@link Result#truncatedTail()}; a bad line elsewhere is an error naming the line.
 */
public final class TranscriptReader {
  private TranscriptReader() {}

  public record Result<T>(List<T> records, boolean truncatedTail) {}

  public static <T> Result<T> read(Path file, Class<T> type) throws TranscriptException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (NoSuchFileException e) {
      throw new TranscriptException("no transcript at " + file
          + ": pass a .jsonl file or a run id listed by `airlock runs`");
    } catch (IOException e) {
      throw new TranscriptException("cannot read the transcript " + file + ": " + e.getMessage());
    }
    List<T> records = new ArrayList<>();
    boolean truncated = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(Json.mapper().readValue(line, type));
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          truncated = true;
        } else {
          throw new TranscriptException(file + " line " + (i + 1) + " is not a transcript record: "
              + e.getOriginalMessage());
        }
      }
    }
    return new Result<>(records, truncated);
  }
}
