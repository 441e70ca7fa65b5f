package dev.airlock.lakehouse.gateway;

/**
 * Who the sandboxed code is working for while one execution runs: the agent run and its turn. The
 * host sets it on the gateway before an execution and clears it after, so every commit the code
 * makes carries {@code run} and {@code turn} properties.
 */
public record CallContext(String runId, Integer turn) {

  /** Calls made outside any run (for example a test or a manual session). */
  public static final CallContext NONE = new CallContext(null, null);

  public static CallContext of(String runId, int turn) {
    return new CallContext(runId, turn);
  }
}
