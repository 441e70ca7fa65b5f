package dev.airlock.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One failed attempt, reduced to what the user needs: the HTTP status if there was one, a short
 * detail (the provider's own error message when short), and whether asking again may help. Details
 * are scrubbed of the key and of anything shaped like one, because providers echo keys (partly
 * masked) in their 401 messages. An answer outside the provider's protocol is its own kind: the
 * server is up but is not (or not only) the model API.
 */
record Failure(
    Integer status, String detail, boolean retryable, Throwable cause, boolean offProtocol) {
  private static final int MAX_DETAIL = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> RETRIED_STREAM_ERRORS =
      Set.of("overloaded_error", "api_error", "rate_limit_error", "timeout_error");
  private static final Pattern KEY_LIKE =
      Pattern.compile("(?i)\\b(sk|pk|key|api|tgp)[-_][A-Za-z0-9*._\\-]{6,}");

  Failure(Integer status, String detail, boolean retryable, Throwable cause) {
    this(status, detail, retryable, cause, false);
  }

  static Failure of(Throwable thrown, String secret) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OffProtocolAnswer answer) {
        return new Failure(null, scrub(answer.getMessage(), secret), false, null, true);
      }
      if (t instanceof HttpException http) {
        int status = http.statusCode();
        boolean retry = status == 408 || status == 429 || status >= 500;
        return new Failure(status, scrub(providerMessage(http.getMessage()), secret), retry, null);
      }
    }
    if (thrown instanceof AnthropicStreamingException stream) {
      return midStream(stream, secret);
    }
    return network(thrown, secret);
  }

  /** Anthropic reports some failures as an SSE error event after a 200, without an HTTP status. */
  private static Failure midStream(AnthropicStreamingException error, String secret) {
    String type = String.valueOf(error.type());
    boolean retry = RETRIED_STREAM_ERRORS.contains(type);
    String detail = type + " (" + shorten(String.valueOf(error.getMessage())) + ")";
    return new Failure(null, scrub(detail, secret), retry, null);
  }

  private static Failure network(Throwable thrown, String secret) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new Failure(null, "the host name cannot be resolved", false, t);
      }
      if (t instanceof ConnectException) {
        return new Failure(null, "connection refused", true, t);
      }
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return new Failure(null, "timed out", true, t);
      }
    }
    Throwable root = rootOf(thrown);
    boolean retry = root instanceof IOException || thrown instanceof RetriableException;
    String what = root.getClass().getSimpleName();
    String message = root.getMessage();
    String detail = message == null ? what : what + ": " + shorten(message);
    return new Failure(null, scrub(detail, secret), retry, root);
  }

  /** The server could not be reached or did not answer, as opposed to answering with an error. */
  boolean connectionProblem() {
    return status == null && cause != null;
  }

  /** "HTTP 503 (overloaded)" or "connection refused". */
  String describe() {
    if (status == null) {
      return detail;
    }
    return detail == null || detail.isBlank()
        ? "HTTP " + status
        : "HTTP " + status + " (" + detail + ")";
  }

  private static Throwable rootOf(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** OpenAI and Anthropic both wrap errors as {"error": {"message": ...}}; others vary. */
  private static String providerMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      for (JsonNode candidate :
          new JsonNode[] {
            node.path("error").path("message"),
            node.path("error"),
            node.path("message"),
            node.path("detail")
          }) {
        if (candidate.isTextual() && !candidate.asText().isBlank()) {
          return shorten(candidate.asText());
        }
      }
    } catch (IOException e) {
      // not JSON: plain text bodies are shown if short, HTML pages not at all
    }
    String text = body.strip();
    return text.startsWith("<") || text.length() > MAX_DETAIL ? null : text;
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
  }

  static String scrub(String text, String secret) {
    if (text == null) {
      return null;
    }
    String out = secret == null || secret.isEmpty() ? text : text.replace(secret, "[key]");
    return KEY_LIKE.matcher(out).replaceAll("[key]");
  }
}
