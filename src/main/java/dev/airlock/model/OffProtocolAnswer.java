package dev.airlock.model;

import java.util.Locale;

/**
 * The server answered with success but not in the provider's protocol (an HTML page, {@code {}}, a
 * stream of something else). Asking again gets the same answer, so this is not retried. The message
 * says briefly what came back; {@link Failure} scrubs it of keys before anyone sees it.
 */
final class OffProtocolAnswer extends RuntimeException {
  private static final int MAX_EXCERPT = 120;

  private OffProtocolAnswer(String whatCameBack) {
    super(whatCameBack, null, false, false);
  }

  /** A whole body: "HTTP 200, text/html: <html>...". */
  static OffProtocolAnswer body(int status, String contentType, String body) {
    return new OffProtocolAnswer(head(status, contentType) + ": " + excerpt(body));
  }

  /** A stream that ended without one event of the protocol; {@code head} is how it began. */
  static OffProtocolAnswer noEvents(int status, String contentType, String head) {
    String start = excerpt(head);
    return new OffProtocolAnswer(
        head(status, contentType)
            + ", no event of the protocol"
            + (start.equals("an empty body") ? " (an empty body)" : "; it began: " + start));
  }

  /** A stream with an event that is not the protocol's. */
  static OffProtocolAnswer event(int status, String contentType, String data) {
    return new OffProtocolAnswer(
        head(status, contentType) + ", an event whose data is: " + excerpt(data));
  }

  private static String head(int status, String contentType) {
    String type =
        contentType == null || contentType.isBlank()
            ? "no content type"
            : contentType.strip().toLowerCase(Locale.ROOT);
    return "HTTP " + status + ", " + type;
  }

  private static String excerpt(String text) {
    String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "an empty body";
    }
    return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "...";
  }
}
