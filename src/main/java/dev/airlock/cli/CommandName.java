package dev.airlock.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * How the user started Airlock, so that every command we suggest can be pasted as it is: the path
 * of the launcher ({@code target/airlock} sets {@value #PROPERTY}), else {@code java -jar JAR} when
 * run from the jar, else {@code airlock}. Engine messages name commands as {@code `airlock ...`};
 * {@link #render} shows them in the same form.
 */
final class CommandName {
  /** Set by the launcher script to the path it was invoked by. */
  static final String PROPERTY = "airlock.command";

  private CommandName() {}

  /** "target/airlock", "java -jar target/airlock.jar" or "airlock". */
  static String prefix() {
    String launcher = System.getProperty(PROPERTY);
    if (launcher != null && !launcher.isBlank()) {
      return quoted(launcher.strip());
    }
    Path jar = jar();
    return jar == null ? "airlock" : "java -jar " + quoted(shown(jar));
  }

  /** {@code rest} as a command to run: "java -jar target/airlock.jar runs". */
  static String of(String rest) {
    return prefix() + " " + rest;
  }

  /** A message with each {@code `airlock ...`} it suggests written the way Airlock was started. */
  static String render(String message) {
    String prefix = prefix();
    return message == null || prefix.equals("airlock")
        ? message
        : message.replace("`airlock ", "`" + prefix + " ");
  }

  private static Path jar() {
    try {
      var source = CommandName.class.getProtectionDomain().getCodeSource();
      Path location = source == null ? null : Path.of(source.getLocation().toURI());
      return location != null && location.toString().endsWith(".jar") ? location : null;
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Relative to the working folder when the jar is inside it, as the user likely typed it. */
  private static String shown(Path jar) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = jar.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }

  private static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
