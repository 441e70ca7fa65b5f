package dev.airlock.model;

/**
 * The model could not be asked. {@link Kind} tells the CLI which exit code to use: configuration
 * problems are the user's to fix (exit 2), unreachable providers are infrastructure (exit 3).
 * Messages name the provider and, for HTTP failures, the status; never a key.
 */
public class ModelException extends Exception {
  public enum Kind {
    /** Bad model spec, missing key, unknown provider, unreadable script file. */
    CONFIGURATION,
    /**
     * Connection refused, DNS, timeouts, 429 or 5xx after the retries ran out, or a server that
     * answers outside the provider's protocol.
     */
    UNAVAILABLE,
    /** The provider refused the request (401, 403, 400...). */
    REJECTED,
    /** The scripted model was asked past the end of its script. */
    EXHAUSTED
  }

  private final Kind kind;

  public ModelException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ModelException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
