package dev.airlock.model;

/** Receives streamed response text as it arrives. */
@FunctionalInterface
public interface TokenListener {
  /** Shown in place of a restart by listeners that do not handle {@link #onRestart(int)}. */
  String RESTART_MARKER = "\n[airlock: the stream broke; asking again, the response starts over]\n";

  void onToken(String text);

  /**
   * The stream broke after some tokens had arrived and the request is being retried: the tokens
   * passed so far are void and the response starts over with attempt {@code attempt}. Listeners
   * that display tokens may clear what they showed; by default a visible marker is passed on.
   */
  default void onRestart(int attempt) {
    onToken(RESTART_MARKER);
  }

  TokenListener NONE = text -> {};
}
