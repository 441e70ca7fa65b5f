package dev.airlock.model;

/** Receives streamed response text as it arrives. */
@FunctionalInterface
public interface TokenListener {
  void onToken(String text);

  TokenListener NONE = text -> {};
}
