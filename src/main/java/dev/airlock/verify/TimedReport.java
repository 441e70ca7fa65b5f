package dev.airlock.verify;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A verification and how long it took: {@code total} the whole audit (catalog reads and checks on
 * the whole ref included), {@code tables} each table's own checks by fqn, in the report's order
 * (empty when the audit did not time its tables). {@code report} is null when the audit returned
 * none.
 */
public record TimedReport(VerificationReport report, Duration total, Map<String, Duration> tables) {
  public TimedReport {
    Objects.requireNonNull(total, "total");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }
}
