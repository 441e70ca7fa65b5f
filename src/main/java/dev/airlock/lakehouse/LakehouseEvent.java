package dev.airlock.lakehouse;

import java.time.Instant;

/**
 * One operation the lakehouse performed (or refused). {@code operation} is the API method name
 * ({@code create_branch}, {@code import_data}, {@code merge_branch}, {@code query} ...); {@code
 * ref} the ref or branch it acted on; {@code table} the table's fqn or null; {@code
 * commitBefore}/{@code commitAfter} the branch head around a write (equal or null for reads);
 * {@code rows} rows imported / returned when meaningful; {@code error} the wire error type when it
 * failed; {@code context} the write context (null for reads).
 */
public record LakehouseEvent(
    Instant time,
    String operation,
    String ref,
    String table,
    String commitBefore,
    String commitAfter,
    Long rows,
    String error,
    WriteContext context) {}
