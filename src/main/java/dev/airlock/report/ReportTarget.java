package dev.airlock.report;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.airlock.agent.RunEvent;
import dev.airlock.transcript.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a report may go: never over a transcript, whichever face writes it. A transcript is a
 * {@code .jsonl} file by name (the runs folder holds one per run, and the runs list reads every
 * {@code .jsonl} in it), or any existing file that holds one, whatever its name (a transcript
 * renamed, linked, or rewritten with its fields in another order).
 */
public final class ReportTarget {
  /** The "type" of every record of a run, as the transcript's reader knows them. */
  private static final Set<String> RECORD_TYPES =
      Arrays.stream(RunEvent.class.getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name)
          .collect(Collectors.toUnmodifiableSet());

  /** How much of an existing file is read to tell a transcript: its first records fit. */
  private static final int HEAD = 64 * 1024;

  private ReportTarget() {}

  /** A report refused its file because it is, or is named as, a transcript. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * Why no report may be written at {@code target}, judged by its name alone (no I/O, so fit for
   * the FX thread); null when the name is fine.
   */
  public static String refusalByName(Path target) {
    Path name = target.getFileName();
    if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      return target
          + " is named like a run's transcript (.jsonl): a report written there could replace a"
          + " run's record; choose a .html or .md name";
    }
    return null;
  }

  /**
   * Refuses {@code target} when it is named like a transcript or already holds one (reads the first
   * bytes of an existing file).
   *
   * @throws Refused naming the file and what to do instead
   */
  public static void check(Path target) throws Refused {
    if (holdsATranscript(target)) {
      throw new Refused(
          target
              + " is a run's transcript: writing the report over it would lose the run; choose"
              + " another file (a .html or .md name)");
    }
    String byName = refusalByName(target);
    if (byName != null) {
      throw new Refused(byName);
    }
  }

  /**
   * True when {@code file} exists and holds a transcript as its reader sees one: a JSON Lines file
   * (its first text, after a byte-order mark and blank lines, opens an object) with a run's record
   * among the lines of its head, whatever the order of a record's fields or the blanks between
   * them. Any line will do, so a transcript whose first line was damaged is one still.
   */
  static boolean holdsATranscript(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    } catch (IOException e) {
      return false; // unreadable: nothing says it is a transcript (its name still may)
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.stripLeading().startsWith("{")) {
      return false; // a report starts with "#" or "<"; a transcript with its first record
    }
    return text.lines().anyMatch(ReportTarget::isRecord);
  }

  /**
   * True when {@code line} is a run's record as far as it goes: a JSON object whose top-level
   * "type" names a record of a run, wherever it stands among the fields. A line cut short after its
   * type (by the head's end, or damage) is one still.
   */
  private static boolean isRecord(String line) {
    if (line.isBlank()) {
      return false;
    }
    try (JsonParser p = Json.mapper().getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("type")) {
          return value == JsonToken.VALUE_STRING && RECORD_TYPES.contains(p.getText());
        }
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false; // not JSON, or cut short before its type: not a record as far as it goes
    }
  }
}
