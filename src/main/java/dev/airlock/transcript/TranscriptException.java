package dev.airlock.transcript;

/** A transcript could not be read; the message names the file and the problem. */
public class TranscriptException extends Exception {
  public TranscriptException(String message) {
    super(message);
  }
}
