package dev.airlock.verify;

import java.util.List;
import java.util.Objects;

/**
 * One check's outcome. {@code id} is stable and unique in a report ({@code kind:table[:column]} or
 * {@code custom:name}); {@code table} is the table's fqn, null for checks on the whole ref; {@code
 * summary} is one line for a human; {@code evidence} is what the check ran and saw.
 */
public record CheckResult(
    String id,
    CheckKind kind,
    String table,
    Verdict verdict,
    String summary,
    List<Evidence> evidence) {

  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
  }

  public boolean passed() {
    return verdict == Verdict.PASS;
  }
}
