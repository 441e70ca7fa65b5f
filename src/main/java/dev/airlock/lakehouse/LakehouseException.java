package dev.airlock.lakehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception of the lakehouse API. {@link #type()} and {@link #status()} are Bauplan's wire
 * type and HTTP code; {@link #context()} holds Bauplan's error context keys ({@code branch_name},
 * {@code table_name}, {@code input_ref}, {@code catalog_ref}, {@code source_ref}, {@code
 * destination_ref}, {@code namespace_name}, {@code head_ref}, {@code conflicts}, and for a rejected
 * merge {@code reason}). The message says what happened, to what, and what to do next.
 */
public class LakehouseException extends RuntimeException {
  private final ErrorType errorType;
  private final Map<String, Object> context;

  public LakehouseException(ErrorType errorType, String message, Map<String, ?> context) {
    this(errorType, message, context, null);
  }

  public LakehouseException(
      ErrorType errorType, String message, Map<String, ?> context, Throwable cause) {
    super(message, cause);
    this.errorType = errorType;
    this.context = context == null ? Map.of() : new LinkedHashMap<>(context);
  }

  public ErrorType errorType() {
    return errorType;
  }

  /** The wire type, e.g. {@code "MERGE_CONFLICT"}. */
  public String type() {
    return errorType.wire();
  }

  public int status() {
    return errorType.status();
  }

  /** Unmodifiable view of the error's context. */
  public Map<String, Object> context() {
    return Collections.unmodifiableMap(context);
  }
}
