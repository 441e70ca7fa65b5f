package dev.airlock.verify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying one ref: {@code ref} as asked, {@code commit} the catalog commit that
 * was checked, when, which expectations were used, and every check with its evidence. The merge
 * gate carries it as evidence; {@link #toJson()} has a pinned shape (see {@link #FORMAT_VERSION}).
 */
@JsonPropertyOrder({
  "format_version",
  "ref",
  "commit",
  "checked_at",
  "expectations",
  "passed",
  "counts",
  "checks"
})
// Derived values are written for readers of the JSON alone and recomputed, not read, here.
@JsonIgnoreProperties(
    value = {"format_version", "passed", "counts"},
    allowGetters = true)
public record VerificationReport(
    String ref,
    String commit,
    @JsonProperty("checked_at") Instant checkedAt,
    String expectations,
    List<CheckResult> checks) {

  /** Version of the JSON shape; bumped on any change that could break a reader. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  public VerificationReport {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(checkedAt, "checkedAt");
    checks = List.copyOf(checks);
  }

  /** True only when every check passed (an ERROR is not a pass). */
  @JsonProperty("passed")
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

  /** The counts of checks by verdict, as the JSON's {@code counts} object carries them. */
  @JsonProperty("counts")
  public Counts counts() {
    return new Counts(
        checks.size(), count(Verdict.PASS), count(Verdict.FAIL), count(Verdict.ERROR));
  }

  /** The shape version written with the report, so a reader of a lone report can tell. */
  @JsonProperty("format_version")
  public int formatVersion() {
    return FORMAT_VERSION;
  }

  /**
   * For machines. Shape: {@code {format_version, ref, commit, checked_at, expectations, passed,
   * counts: {checks, pass, fail, error}, checks: [{id, kind, table, verdict, summary, evidence:
   * [{sql, columns, rows, truncated, note}]}]}}. Transcripts embed the same shape (without its null
   * fields) through the annotations on these records.
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report values are JSON-friendly by construction", e);
    }
  }

  /** How many checks there were, and how many ended in each verdict. */
  public record Counts(int checks, long pass, long fail, long error) {}
}
