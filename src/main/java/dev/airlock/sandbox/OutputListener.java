package dev.airlock.sandbox;

/** Receives a sandbox's output as it comes, in chunks (not necessarily whole lines). */
@FunctionalInterface
public interface OutputListener {
  enum Stream {
    STDOUT,
    STDERR
  }

  void onOutput(Stream stream, String chunk);

  OutputListener NONE = (stream, chunk) -> {};
}
