package dev.airlock.session;

/**
 * A run that cannot start, said before anything ran: the message names the thing and the next step.
 * {@link #field()} names the part of the {@link RunRequest} at fault (null when the fault is
 * elsewhere, e.g. no sandbox on this machine).
 */
public final class LaunchException extends Exception {

  /** Whose problem it is. */
  public enum Kind {
    /** The request or the user's setup: a bad model name, a missing file, a bad key. */
    CONFIGURATION,
    /** Something Airlock needs is not available: the sandbox, the lakehouse's folder. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final RunRequest.Field field;

  public LaunchException(Kind kind, RunRequest.Field field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  static LaunchException of(RunRequest.Field field, String message) {
    return new LaunchException(Kind.CONFIGURATION, field, message);
  }

  static LaunchException unavailable(String message) {
    return new LaunchException(Kind.UNAVAILABLE, null, message);
  }

  public Kind kind() {
    return kind;
  }

  public RunRequest.Field field() {
    return field;
  }
}
