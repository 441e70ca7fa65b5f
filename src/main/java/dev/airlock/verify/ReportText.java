package dev.airlock.verify;

import dev.airlock.lakehouse.CommitHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text rendering of a report, for terminals and logs. */
final class ReportText {
  private ReportText() {}

  static String render(VerificationReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Verification of ")
        .append(r.ref())
        .append(" at commit ")
        .append(CommitHash.abbreviate(r.commit()))
        .append(" (expectations: ")
        .append(r.expectations())
        .append(")\n");
    for (CheckResult c : r.checks()) {
      b.append(String.format("%-5s %s  %s%n", c.verdict(), c.id(), c.summary()));
      if (!c.passed()) {
        c.evidence().forEach(e -> evidence(b, e));
      }
    }
    b.append(r.summary()).append(r.passed() ? ": PASSED" : ": NOT PASSED").append('\n');
    return b.toString();
  }

  private static void evidence(StringBuilder b, Evidence e) {
    if (e.sql() != null) {
      b.append("      sql: ").append(e.sql().replaceAll("\\s+", " ")).append('\n');
    }
    if (e.note() != null) {
      b.append("      ").append(e.note()).append('\n');
    }
    if (!e.columns().isEmpty()) {
      table(b, e);
    }
  }

  private static void table(StringBuilder b, Evidence e) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(e.columns());
    for (List<Object> row : e.rows()) {
      cells.add(row.stream().map(String::valueOf).toList());
    }
    int[] width = new int[e.columns().size()];
    Arrays.fill(width, 1);
    for (List<String> row : cells) {
      for (int i = 0; i < width.length && i < row.size(); i++) {
        width[i] = Math.min(40, Math.max(width[i], row.get(i).length()));
      }
    }
    for (List<String> row : cells) {
      List<String> padded = new ArrayList<>();
      for (int i = 0; i < width.length && i < row.size(); i++) {
        String v = row.get(i);
        v = v.length() > width[i] ? v.substring(0, width[i] - 3) + "..." : v;
        padded.add(String.format("%-" + width[i] + "s", v));
      }
      b.append("      | ").append(padded.stream().collect(Collectors.joining(" | "))).append('\n');
    }
    if (e.truncated()) {
      b.append("      | ... (more rows)\n");
    }
    if (e.rows().isEmpty()) {
      b.append("      | (no rows)\n");
    }
  }
}
