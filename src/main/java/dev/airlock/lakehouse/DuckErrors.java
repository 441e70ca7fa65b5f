package dev.airlock.lakehouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cause of a DuckDB failure in a few readable words. DuckDB's JDBC driver often reports a
 * failed read as "Attempting to execute an unsuccessful or closed pending query result" and puts
 * the real error ("Footer length error in file ...", "CSV Error on Line: 2 ...") on a later line,
 * or in a cause or suppressed exception; the first line alone hides what went wrong.
 */
final class DuckErrors {
  private static final String GENERIC = "unsuccessful or closed pending query result";

  private DuckErrors() {}

  /** The real cause of {@code e}: its first informative message, on one line. */
  static String cause(SQLException e) {
    List<Throwable> chain = new ArrayList<>();
    collect(e, chain);
    for (Throwable t : chain) {
      String text = informative(t.getMessage());
      if (text != null) {
        return text;
      }
    }
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static void collect(Throwable t, List<Throwable> out) {
    if (t == null || out.contains(t) || out.size() > 20) {
      return;
    }
    out.add(t);
    for (Throwable s : t.getSuppressed()) {
      collect(s, out);
    }
    collect(t.getCause(), out);
  }

  /**
   * The message without the generic wrapper, the SQL echo, DuckDB's option dump and its "possible
   * fixes" (they name options the agent cannot pass): null when nothing informative is left.
   */
  private static String informative(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String raw : message.strip().split("\n")) {
      String line = raw.strip();
      if (line.startsWith("LINE ")
          || line.startsWith("Possible")
          || line.startsWith("* ")
          || line.startsWith("^")) {
        if (!kept.isEmpty()) {
          break;
        }
        continue;
      }
      if (line.contains(GENERIC)) {
        kept.clear();
        continue;
      }
      if (line.isEmpty() || line.matches("[a-z_]+ = .*")) {
        continue;
      }
      kept.add(line.startsWith("Error: ") ? line.substring("Error: ".length()) : line);
    }
    return kept.isEmpty() ? null : String.join(" ", kept);
  }
}
