package dev.airlock.verify;

import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.Ref;
import dev.airlock.lakehouse.TableInfo;
import dev.airlock.verify.Expectations.CustomCheck;
import dev.airlock.verify.Expectations.TableExpectation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit of Write-Audit-Publish: runs the checks on a ref through the lakehouse API and returns
 * a {@link VerificationReport} with each check's verdict and evidence.
 *
 * <p>Every table on the ref gets the generic checks (rows, more than one column, ID columns unique
 * and not null, rows equal to its sources'); {@link Expectations} add the expected tables, declared
 * schemas, declared ID columns, minimum rows and custom SQL checks. All checks read the one commit
 * the ref pointed to when verification began, so a branch that moves meanwhile cannot mix two
 * states in one report.
 */
public final class Verifier {
  private final Lakehouse lakehouse;
  private final SourceRowCounter sources;
  private final Clock clock;

  public Verifier(Lakehouse lakehouse, SourceRowCounter sources, Clock clock) {
    this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Verifier(Lakehouse lakehouse, SourceRowCounter sources) {
    this(lakehouse, sources, Clock.systemUTC());
  }

  /**
   * Verifies a ref (branch, tag, {@code name@hash}). Check failures are results, never exceptions;
   * a ref that does not exist throws the lakehouse's REF_NOT_FOUND.
   *
   * @param expectations what the dataset should look like; {@link Expectations#none()} for the
   *     generic checks only
   */
  public VerificationReport verify(String ref, Expectations expectations) {
    return verifyTimed(ref, expectations).report();
  }

  /**
   * As {@link #verify}, with how long the audit took in all and each table's checks (its shared
   * counts, its checks, its source count and its custom checks).
   */
  public TimedReport verifyTimed(String ref, Expectations expectations) {
    Objects.requireNonNull(expectations, "expectations");
    long start = System.nanoTime();
    Ref resolved = lakehouse.resolve(ref);
    String pinned = "@" + resolved.hash();
    List<TableInfo> tables = lakehouse.tables(pinned);
    List<CheckResult> checks = new ArrayList<>();
    Map<String, Duration> times = new LinkedHashMap<>();
    checks.add(tablesExist(tables, expectations));
    TableChecks tableChecks = new TableChecks(lakehouse, pinned);
    try (SourceRowCounter.Batch counter = sources.batch()) {
      LineageCheck lineage = new LineageCheck(lakehouse, pinned, counter);
      for (TableInfo t : tables) {
        long tableStart = System.nanoTime();
        Optional<TableExpectation> expected = expectations.table(t.fqn());
        TableCounts counts = tableChecks.counts(t, expected);
        checks.addAll(tableChecks.run(t, expected, counts));
        CheckResult source = lineage.run(t, counts);
        if (source != null) {
          checks.add(source);
        }
        for (CustomCheck c : expected.map(TableExpectation::checks).orElse(List.of())) {
          checks.add(custom(pinned, t.fqn(), c));
        }
        times.merge(t.fqn(), Duration.ofNanos(System.nanoTime() - tableStart), Duration::plus);
      }
    }
    for (CustomCheck c : expectations.checks()) {
      checks.add(custom(pinned, null, c));
    }
    VerificationReport report =
        new VerificationReport(
            ref, resolved.hash(), clock.instant(), expectations.source(), checks);
    return new TimedReport(report, Duration.ofNanos(System.nanoTime() - start), times);
  }

  private CheckResult tablesExist(List<TableInfo> tables, Expectations expectations) {
    List<List<Object>> rows =
        tables.stream().map(t -> List.<Object>of(t.fqn(), t.records(), t.fields().size())).toList();
    Evidence found =
        new Evidence(
            null,
            List.of("table", "records", "columns"),
            rows,
            false,
            "tables on the ref, from the catalog");
    List<String> missing =
        expectations.tables().stream()
            .map(TableExpectation::fqn)
            .filter(fqn -> tables.stream().noneMatch(t -> t.fqn().equals(fqn)))
            .toList();
    Verdict verdict;
    String summary;
    if (expectations.tables().isEmpty()) {
      verdict = tables.isEmpty() ? Verdict.FAIL : Verdict.PASS;
      summary =
          tables.isEmpty()
              ? "the ref has no tables: there is nothing to publish"
              : tables.size() + " tables on the ref (no tables declared)";
    } else if (missing.isEmpty()) {
      verdict = Verdict.PASS;
      summary = "all " + expectations.tables().size() + " expected tables exist";
    } else {
      verdict = Verdict.FAIL;
      summary =
          "missing "
              + missing.size()
              + " of "
              + expectations.tables().size()
              + " expected tables: "
              + String.join(", ", missing);
    }
    return new CheckResult(
        "tables_exist", CheckKind.TABLES_EXIST, null, verdict, summary, List.of(found));
  }

  private CheckResult custom(String pinned, String table, CustomCheck c) {
    return Trail.run(
        lakehouse,
        pinned,
        "custom:" + c.name(),
        CheckKind.CUSTOM,
        table,
        trail -> {
          var r = trail.query(c.sql());
          if (r.rowCount() == 0) {
            return trail.pass(c.name() + ": no offending rows");
          }
          return trail.fail(
              c.name()
                  + ": "
                  + (r.truncated() ? "more than " : "")
                  + r.rowCount()
                  + " offending row"
                  + (r.rowCount() == 1 ? "" : "s"));
        });
  }
}
