package dev.airlock.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a report may go: never over a transcript, whichever face writes it. A transcript is a
 * {@code .jsonl} file by name (the runs folder holds one per run, and the runs list reads every
 * {@code .jsonl} in it), or any existing file that starts as a transcript does, whatever its name
 * (a transcript renamed, or linked).
 */
public final class ReportTarget {
  /** How every transcript starts: its first record is the run's start, in the transcript format. */
  private static final String FIRST_RECORD = "{\"type\":\"run_started\"";

  /** How much of an existing file is read to tell a transcript: its whole first record fits. */
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

  /** True when {@code file} exists and starts as a transcript does. */
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
    String text = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.startsWith(FIRST_RECORD);
  }
}
