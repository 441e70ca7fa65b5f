package dev.airlock.verify;

/**
 * An expectations file that cannot be used: names the file, the line (when known) and the field,
 * and says what to fix.
 */
public class ExpectationsException extends Exception {
  private final String file;
  private final int line;
  private final String field;

  public ExpectationsException(String file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  public ExpectationsException(
      String file, int line, String field, String problem, Throwable cause) {
    super(format(file, line, field, problem), cause);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file (or resource) that was read. */
  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem is not tied to one line. */
  public int line() {
    return line;
  }

  /** Path of the offending field, e.g. {@code tables.payments.columns[2].type}; null if none. */
  public String field() {
    return field;
  }

  private static String format(String file, int line, String field, String problem) {
    StringBuilder b = new StringBuilder("Expectations file ").append(file);
    if (line > 0) {
      b.append(", line ").append(line);
    }
    if (field != null && !field.isEmpty()) {
      b.append(", field ").append(field);
    }
    return b.append(": ").append(problem).toString();
  }
}
