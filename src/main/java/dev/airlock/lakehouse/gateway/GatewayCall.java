package dev.airlock.lakehouse.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * One call the sandboxed code made through the gateway, as the turn records it. {@code params} is a
 * summary (long strings cut, never secrets: the protocol carries none); {@code result} a short
 * human summary of what came back ("branch alice.wap@3f2a...", "138236 rows") or null; {@code
 * errorType}/{@code errorMessage} are set when it failed (Bauplan wire type, e.g. {@code
 * MERGE_FORBIDDEN}, or {@code PROTOCOL_ERROR} for bytes that were not a valid request).
 */
public record GatewayCall(
    String method,
    Map<String, Object> params,
    Outcome outcome,
    String result,
    String errorType,
    String errorMessage,
    Instant startedAt,
    Duration duration,
    CallContext context) {

  /** How the call ended. */
  public enum Outcome {
    OK,
    ERROR
  }

  public GatewayCall {
    params = params == null ? Map.of() : Collections.unmodifiableMap(params);
  }

  public boolean succeeded() {
    return outcome == Outcome.OK;
  }
}
