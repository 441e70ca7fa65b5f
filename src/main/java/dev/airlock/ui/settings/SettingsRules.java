package dev.airlock.ui.settings;

import dev.airlock.agent.Budget;
import dev.airlock.session.RunRequest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The rules every remembered or typed value follows: the run's own (a {@link RunRequest} is built
 * to check them, so the messages are the CLI's), plus the console's (font size, folders).
 */
public final class SettingsRules {
  private SettingsRules() {}

  /** Null when {@code seconds} is a usable execution timeout, else the CLI's message. */
  public static String execTimeout(long seconds) {
    return request(RunRequest.builder("demo").execTimeout(Duration.ofSeconds(seconds)));
  }

  public static String outputBudget(int characters) {
    return request(RunRequest.builder("demo").outputBudget(characters));
  }

  public static String maxTurns(int turns) {
    return request(RunRequest.builder("demo").maxTurns(turns));
  }

  public static String fontSize(int size) {
    return size >= ConsoleSettings.MIN_FONT_SIZE && size <= ConsoleSettings.MAX_FONT_SIZE
        ? null
        : "the font size must be between "
            + ConsoleSettings.MIN_FONT_SIZE
            + " and "
            + ConsoleSettings.MAX_FONT_SIZE
            + " pixels, not "
            + size;
  }

  /** Null when the limits make a {@link Budget}, else its message. */
  public static String budget(Long tokens, Double usd, Long minutes) {
    try {
      new Budget(tokens, usd, minutes == null ? null : Duration.ofMinutes(minutes));
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * The folder {@code text} names (null when blank); {@link IllegalArgumentException} when it is
   * not an absolute path: a relative one would depend on where the console was started.
   */
  public static Path folder(String what, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Path path = Path.of(text.strip());
      if (!path.isAbsolute()) {
        throw new IllegalArgumentException(
            what + " must be an absolute path such as /data/airlock, not '" + text.strip() + "'");
      }
      return path.normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(what + " is not a usable path: " + e.getReason());
    }
  }

  private static String request(RunRequest.Builder builder) {
    try {
      builder.build();
      return null;
    } catch (RunRequest.Invalid e) {
      return e.getMessage();
    }
  }
}
