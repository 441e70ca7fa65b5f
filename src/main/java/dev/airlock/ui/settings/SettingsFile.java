package dev.airlock.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads and writes {@code console.json}, off the FX thread only (every method does I/O). Writing is
 * atomic (a temporary file moved over the old one), so a crash never leaves half a file. A file
 * that cannot be used is moved aside to {@code console.json.bad}, never lost, and the console
 * starts with the defaults, saying once what was wrong. Only the fields below are ever written: no
 * key, token or other secret has a place in the file.
 */
public final class SettingsFile {
  /** The file's name in the config folder. */
  public static final String NAME = "console.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public SettingsFile(Path configHome) {
    this.file = configHome.resolve(NAME);
  }

  public Path path() {
    return file;
  }

  /** Where a file that could not be used is kept. */
  public Path aside() {
    return file.resolveSibling(NAME + ".bad");
  }

  /** What the console starts with, and the one thing to say about it (null: nothing to say). */
  public record Loaded(ConsoleSettings settings, String problem) {}

  /** The settings in the file; the defaults when there is none or it cannot be used. */
  public Loaded load() {
    String text;
    try {
      text = readSmallText(file, MAX_BYTES);
    } catch (NoSuchFileException e) {
      return new Loaded(ConsoleSettings.defaults(), null);
    } catch (NotASmallFile e) {
      if (e.regular) {
        return setAside(e.getMessage());
      }
      // A folder, a pipe or a device is no settings file; it is left where it is (a save puts the
      // settings file in its place, or fails and says so).
      return new Loaded(
          ConsoleSettings.defaults(),
          file + " could not be used: " + e.getMessage() + "; the console uses the defaults");
    } catch (CharacterCodingException e) {
      return setAside("it is not UTF-8 text");
    } catch (IOException e) {
      // Kept aside too: the next save would otherwise replace a file nobody could read.
      return setAside("it cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      JsonNode root = JSON.readTree(text);
      return new Loaded(SettingsJson.read(root), null);
    } catch (JsonProcessingException e) {
      return setAside(
          "it is not valid JSON (" + SettingsJson.shown(e.getOriginalMessage(), 240) + ")");
    } catch (SettingsJson.Invalid e) {
      return setAside(e.getMessage());
    }
  }

  /** The most a settings or free-text file may hold: more is no file the console wrote. */
  static final int MAX_BYTES = 1 << 20;

  /** A path that is not a regular file of at most the size allowed. */
  static final class NotASmallFile extends IOException {
    final boolean regular;

    NotASmallFile(String message, boolean regular) {
      super(message);
      this.regular = regular;
    }
  }

  /**
   * The UTF-8 text of {@code path}, which must be a regular file (links followed) of at most {@code
   * max} bytes: a pipe would block the reading forever and a device such as /dev/zero never ends.
   */
  static String readSmallText(Path path, int max) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new NotASmallFile(
          attributes.isDirectory()
              ? "it is a folder, not a file"
              : "it is not a regular file (a pipe, a socket or a device)",
          false);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(max + 1);
    }
    if (bytes.length > max) {
      throw new NotASmallFile("it is larger than " + (max >> 20) + " MB", true);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private Loaded setAside(String what) {
    String kept;
    try {
      Files.move(file, aside(), StandardCopyOption.REPLACE_EXISTING);
      kept = "it is kept as " + aside();
    } catch (IOException e) {
      kept =
          "it could not be moved aside (" + e.getClass().getSimpleName() + ") and stays as it is";
    }
    return new Loaded(
        ConsoleSettings.defaults(),
        file
            + " could not be used: "
            + what
            + "; the console started with the defaults and "
            + kept);
  }

  /** Writes {@code settings} atomically, creating the config folder if needed. */
  public synchronized void save(ConsoleSettings settings) throws IOException {
    ObjectNode root = SettingsJson.write(settings);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), NAME, ".tmp");
    try {
      Files.writeString(temp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The free-text task's file: RunRequest takes a task as a path. */
  public Path freeTextTask() {
    return file.resolveSibling("new-run-task.md");
  }

  /** The free text last typed in New run; empty when none. */
  public String readFreeText() {
    try {
      return readSmallText(freeTextTask(), MAX_BYTES);
    } catch (IOException e) {
      return "";
    }
  }

  /** Keeps {@code text} as the free-text task and returns its file. */
  public Path writeFreeText(String text) throws IOException {
    Path target = freeTextTask();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "new-run-task", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
