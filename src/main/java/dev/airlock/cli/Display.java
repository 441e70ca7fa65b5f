package dev.airlock.cli;

import java.util.Locale;
import java.util.Map;

/** Whether a window can open: on Linux and the BSDs a display must be named in the environment. */
final class Display {
  private Display() {}

  static boolean available() {
    return available(System.getProperty("os.name", ""), System.getenv());
  }

  static boolean available(String os, Map<String, String> env) {
    String name = os.toLowerCase(Locale.ROOT);
    if (name.contains("win") || name.contains("mac")) {
      return true;
    }
    return notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
