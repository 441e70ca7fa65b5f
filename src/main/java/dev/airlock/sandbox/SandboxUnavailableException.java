package dev.airlock.sandbox;

/**
 * The sandbox cannot run code at all (bubblewrap missing or refused by the kernel, python3 not
 * found). The message says what is missing and what to do next.
 */
public class SandboxUnavailableException extends Exception {
  public SandboxUnavailableException(String message) {
    super(message);
  }

  public SandboxUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
