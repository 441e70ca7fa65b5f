package dev.airlock.sandbox;

/**
 * Runs one piece of Python for a run. One instance per run: files written in one execution are
 * there for the next (one workspace per run). Implementations: {@code LocalSandbox} (bubblewrap),
 * later remote ones (E2B, Together's code interpreter).
 */
public interface Sandbox extends AutoCloseable {

  /**
   * Runs the request and blocks until it ends (exit, timeout, cancel or a resource limit). A
   * failure of the user's code is a result, not an exception; only a sandbox that cannot run at all
   * throws.
   *
   * @param output receives stdout and stderr as they arrive, in chunks
   * @param control lets another thread cancel the execution or pause its timeout clock
   */
  ExecutionResult execute(ExecutionRequest request, OutputListener output, ExecutionControl control)
      throws SandboxUnavailableException;

  /** A short human description, e.g. "bubblewrap 0.8.0, python 3.11.2, no network". */
  String describe();

  /** False only when the user explicitly chose to run without isolation. */
  boolean isolated();

  @Override
  void close();
}
