package dev.airlock.lakehouse.gateway;

/**
 * Told about every call the gateway serves, on the connection's thread. Implementations must not
 * throw and must return quickly (the code in the sandbox waits for the answer).
 *
 * <p>A merge into {@code main} waits for the merge gate, which may wait for a human; the gateway
 * never times that call out. {@link #onMergeGateWaiting} and {@link #onMergeGateDecided} bracket
 * that wait so the host can pause the sandbox's timeout clock around it (for example with {@code
 * ExecutionControl.pauseClock()/resumeClock()}). They always come in pairs.
 */
public interface GatewayListener {

  /** A call finished (successfully or not). */
  void onCall(GatewayCall call);

  /**
   * A merge into {@code main} is about to ask the merge gate. {@code pending} has no outcome yet
   * (outcome null, duration zero).
   */
  default void onMergeGateWaiting(GatewayCall pending) {}

  /** The merge gate decided (approved, rejected, or the merge failed); {@code call} is final. */
  default void onMergeGateDecided(GatewayCall call) {}

  GatewayListener NONE = call -> {};
}
