package dev.airlock.agent;

/**
 * Receives a run's events in order. Called on the run's worker thread, except {@link
 * RunEvent.OutputChunk}s, which arrive on the sandbox's output threads: implementations must be
 * thread-safe and quick (the console batches its updates to the FX thread).
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(RunEvent event);
}
