package dev.airlock.source;

/** A raw-data location could not be read; the message names it and says what to do next. */
public class SourceException extends Exception {
  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
