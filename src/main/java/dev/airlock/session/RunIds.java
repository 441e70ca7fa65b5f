package dev.airlock.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** Run ids sort by time and never collide: {@code 20261126-103012-4f9a}. */
public final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String next(Clock clock) {
    byte[] suffix = new byte[2];
    RANDOM.nextBytes(suffix);
    return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
  }

  /** The local user, as a branch-name-safe word (Bauplan's convention: user.branch). */
  public static String username() {
    String name = System.getProperty("user.name", "airlock");
    String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    return safe.isEmpty() || !Character.isLetter(safe.charAt(0)) ? "u" + safe : safe;
  }
}
