package dev.airlock.report;

import dev.airlock.agent.RiskDetector;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Redactor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The report's words for times, usage and long text, and the one gate every text from the run goes
 * through: {@link #clean} redacts secrets (the transcript was redacted when written; this catches a
 * key that is in the environment now) and makes null empty.
 */
final class ReportWords {
  /** Output longer than this is shown as its start and end with a note on what was left out. */
  static final int MAX_OUTPUT_CHARS = 16_000;

  private static final int OUTPUT_TAIL_CHARS = 4_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Redactor redactor;

  ReportWords(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * The text, secrets redacted and hidden characters (bidirectional overrides, zero-width, control
   * characters) shown as {@code <U+202E>}, so that code reads in the report as it runs; line breaks
   * stay. "" for null.
   */
  String clean(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = redactor.redact(text).replace("\r\n", "\n").split("\n", -1);
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      b.append(i == 0 ? "" : "\n").append(RiskDetector.visible(lines[i]));
    }
    return b.toString();
  }

  /** Any value's text, secrets redacted; "" for null. */
  String clean(Object value) {
    return value == null ? "" : clean(String.valueOf(value));
  }

  static String time(Instant at) {
    return at == null ? "unknown time" : TIME.format(at);
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  /** "1200 tokens in, 30 out, $0.0026". */
  static String usage(Usage u, Double cost) {
    Usage usage = u == null ? Usage.NONE : u;
    return usage.inputTokens()
        + " tokens in, "
        + usage.outputTokens()
        + " out"
        + (cost == null ? "" : ", " + cost(cost));
  }

  static String cost(Double cost) {
    return cost == null
        ? "unknown (no price for this model)"
        : String.format(Locale.ROOT, "$%.4f", cost);
  }

  static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * {@code text} as a report shows it: whole when short, else its start and its end around a line
   * that says how many characters and lines were left out (cut at line breaks where there are
   * some).
   */
  static String cut(String text) {
    if (text.length() <= MAX_OUTPUT_CHARS) {
      return text;
    }
    int headEnd = lineBreakBefore(text, MAX_OUTPUT_CHARS - OUTPUT_TAIL_CHARS);
    int tailStart = lineBreakAfter(text, text.length() - OUTPUT_TAIL_CHARS);
    if (tailStart <= headEnd) {
      tailStart = headEnd;
    }
    String left = text.substring(headEnd, tailStart);
    long lines = left.chars().filter(c -> c == '\n').count();
    return text.substring(0, headEnd)
        + "\n[… "
        + String.format(Locale.ROOT, "%,d", left.length())
        + " characters ("
        + plural(lines, "line", "lines")
        + ") left out of this report; the transcript has all of it …]\n"
        + text.substring(tailStart);
  }

  private static int lineBreakBefore(String text, int at) {
    int nl = text.lastIndexOf('\n', at);
    return nl > at / 2 ? nl + 1 : at;
  }

  private static int lineBreakAfter(String text, int at) {
    int nl = text.indexOf('\n', at);
    return nl >= 0 && nl < at + OUTPUT_TAIL_CHARS / 2 ? nl + 1 : at;
  }
}
