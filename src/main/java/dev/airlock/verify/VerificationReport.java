package dev.airlock.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of verifying one ref: {@code ref} as asked, {@code commit} the catalog commit that
 * was checked, when, which expectations were used, and every check with its evidence. The merge
 * gate carries it as evidence; {@link #toJson()} has a pinned shape (see {@link #FORMAT_VERSION}).
 */
public record VerificationReport(
    String ref, String commit, Instant checkedAt, String expectations, List<CheckResult> checks) {

  /** Version of the JSON shape; bumped on any change that could break a reader. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public VerificationReport {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(checkedAt, "checkedAt");
    checks = List.copyOf(checks);
  }

  /** True only when every check passed (an ERROR is not a pass). */
  public boolean passed() {
    return checks.stream().allMatch(CheckResult::passed);
  }

  public long count(Verdict verdict) {
    return checks.stream().filter(c -> c.verdict() == verdict).count();
  }

  /** The checks that did not pass, in report order. */
  public List<CheckResult> problems() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  /** One line: "12 checks: 11 passed, 1 failed, 0 errors". */
  public String summary() {
    return checks.size()
        + " checks: "
        + count(Verdict.PASS)
        + " passed, "
        + count(Verdict.FAIL)
        + " failed, "
        + count(Verdict.ERROR)
        + " errors";
  }

  /** For people: every check on one line; evidence under those that did not pass. */
  public String toText() {
    return ReportText.render(this);
  }

  /**
   * For machines. Shape: {@code {format_version, ref, commit, checked_at, expectations, passed,
   * counts: {checks, pass, fail, error}, checks: [{id, kind, table, verdict, summary, evidence:
   * [{sql, columns, rows, truncated, note}]}]}}.
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(toJsonTree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report values are JSON-friendly by construction", e);
    }
  }

  /** The JSON shape as maps and lists, for embedding into a bigger document. */
  public Map<String, Object> toJsonTree() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format_version", FORMAT_VERSION);
    root.put("ref", ref);
    root.put("commit", commit);
    root.put("checked_at", checkedAt.toString());
    root.put("expectations", expectations);
    root.put("passed", passed());
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("checks", checks.size());
    counts.put("pass", count(Verdict.PASS));
    counts.put("fail", count(Verdict.FAIL));
    counts.put("error", count(Verdict.ERROR));
    root.put("counts", counts);
    root.put("checks", checks.stream().map(VerificationReport::checkJson).toList());
    return root;
  }

  private static Map<String, Object> checkJson(CheckResult c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("kind", c.kind().key());
    m.put("table", c.table());
    m.put("verdict", c.verdict().name());
    m.put("summary", c.summary());
    m.put(
        "evidence",
        c.evidence().stream()
            .map(
                e -> {
                  Map<String, Object> em = new LinkedHashMap<>();
                  em.put("sql", e.sql());
                  em.put("columns", e.columns());
                  em.put("rows", e.rows());
                  em.put("truncated", e.truncated());
                  em.put("note", e.note());
                  return em;
                })
            .toList());
    return m;
  }
}
