package dev.airlock.agent;

import dev.airlock.lakehouse.MergeDecision;
import dev.airlock.lakehouse.MergeGate;
import dev.airlock.lakehouse.MergeRequest;
import dev.airlock.lakehouse.SchemaChange;
import dev.airlock.lakehouse.TableDiff;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.TimedReport;
import dev.airlock.verify.VerificationReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The run's merge gate: every merge into main during the run, whoever asked for it, is audited (the
 * verifier runs on the source), announced with its evidence as a {@link RunEvent.MergeRequested},
 * decided by the run's {@link MergePolicy}, and the decision recorded as a {@link
 * RunEvent.MergeDecided}. A rejection that ends the run stops it through {@code endRun}.
 */
public final class RunMergeGate implements MergeGate {
  private final MergePolicy policy;
  private final Supervisor supervisor;
  private final RunJournal journal;
  private final RunListener listener;
  private final Clock clock;
  private final Audit audit;
  private final TablePreviews previews;
  private volatile Consumer<String> endRun = reason -> {};
  private volatile MergeRules rules = MergeRules.NONE;

  /**
   * @param audit runs the checks on what a merge would publish; never null (when no checks can run,
   *     pass {@link Audit#unavailable}: {@code auto-if-green} then refuses every merge)
   * @param previews reads the first rows of each changed table on the audited ref, for the evidence
   */
  public RunMergeGate(
      MergePolicy policy,
      Supervisor supervisor,
      RunJournal journal,
      Audit audit,
      TablePreviews previews,
      RunListener listener,
      Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.audit =
        Objects.requireNonNull(
            audit, "audit (a gate without checks is Audit.unavailable(why), never null)");
    this.previews = Objects.requireNonNull(previews, "previews");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Called with the reason when the supervisor rejects a merge and ends the run. */
  public void onEndRun(Consumer<String> endRun) {
    this.endRun = endRun;
  }

  /** The remembered rules, asked before the merge policy (except in a dry run). */
  public void useRules(MergeRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public MergePolicy policy() {
    return policy;
  }

  @Override
  public MergeDecision reviewMerge(MergeRequest request) {
    int turn =
        request.context() == null || request.context().turn() == null
            ? 0
            : request.context().turn();
    AuditResult audited = audit(request);
    if (audited.whyNot() != null) {
      listener.onEvent(
          new RunEvent.Notice(
              turn,
              clock.instant(),
              RunEvent.Notice.Severity.ERROR,
              "the checks could not run on the merge of "
                  + request.source().name()
                  + " into "
                  + request.target().name()
                  + ": "
                  + audited.whyNot()));
    }
    MergeEvidence evidence = evidence(request, audited);
    listener.onEvent(
        new RunEvent.MergeRequested(
            turn,
            clock.instant(),
            request.source().name(),
            request.source().hash(),
            request.target().name(),
            request.target().hash(),
            evidence.changes(),
            policy.word(),
            evidence.verification(),
            evidence.verification() == null ? null : evidence.checksPassed(),
            evidence.provenance(),
            evidence.usage(),
            evidence.costUsd(),
            evidence.previews(),
            evidence.auditTime()));
    MergeVerdict verdict = null;
    String by = null;
    MergeRules.Ruled ruled =
        policy == MergePolicy.NEVER ? null : rules.decide(request, evidence, turn);
    if (ruled != null) {
      verdict = ruled.verdict();
      by = ruled.by();
    } else {
      switch (policy) {
        case NEVER -> {
          verdict =
              new MergeVerdict.RejectToAgent(
                  "this is a dry run (merge policy never): nothing reaches main");
          by = "policy:never";
        }
        case AUTO_IF_GREEN -> {
          verdict =
              evidence.checksPassed()
                  ? new MergeVerdict.Approve()
                  : new MergeVerdict.RejectToAgent(
                      audited.whyNot() != null
                          ? "the checks could not run, so the merge was refused: "
                              + audited.whyNot()
                          : "the audit failed, so the merge was refused: " + failures(evidence));
          by = "policy:auto-if-green";
        }
        default -> {
          verdict = supervisor.reviewMerge(request, evidence);
          by =
              verdict instanceof MergeVerdict.Unanswered u
                  ? "policy:" + policy.word() + " (" + u.why() + ")"
                  : verdict instanceof MergeVerdict.Withdrawn ? "airlock" : supervisor.reviewer();
        }
      }
    }
    String reason = MergeVerdict.reasonOf(verdict);
    boolean ends =
        verdict instanceof MergeVerdict.RejectAndEnd
            || verdict instanceof MergeVerdict.Unanswered
            || verdict instanceof MergeVerdict.Withdrawn;
    listener.onEvent(
        new RunEvent.MergeDecided(
            turn,
            clock.instant(),
            request.source().name(),
            request.target().name(),
            verdict instanceof MergeVerdict.Approve,
            by,
            reason,
            ends));
    if (ends && !(verdict instanceof MergeVerdict.Withdrawn)) {
      String who =
          verdict instanceof MergeVerdict.Unanswered ? by + " refused" : "the supervisor rejected";
      endRun.accept(
          who
              + " the merge of "
              + request.source().name()
              + " into "
              + request.target().name()
              + " and ended the run: "
              + reason
              + " (the branch is kept: inspect it with"
              + " `airlock lakehouse tables "
              + request.source().name()
              + "`)");
    }
    return verdict instanceof MergeVerdict.Approve
        ? MergeDecision.approve()
        : MergeDecision.reject(reason);
  }

  /**
   * The report, or null and why the checks could not run; how long the audit took in all and per
   * table (empty when the audit did not say).
   */
  private record AuditResult(
      VerificationReport report, String whyNot, long nanos, Map<String, Duration> tables) {}

  private AuditResult audit(MergeRequest request) {
    long start = System.nanoTime();
    try {
      // The merge result, not the source: the target's own changes since the branch left it are
      // in what gets published too.
      TimedReport timed = audit.timed(request.auditRef());
      VerificationReport report = timed == null ? null : timed.report();
      Map<String, Duration> tables = timed == null ? Map.of() : timed.tables();
      long nanos = System.nanoTime() - start;
      return report == null
          ? new AuditResult(null, "the audit returned no report", nanos, tables)
          : new AuditResult(report, null, nanos, tables);
    } catch (RuntimeException e) {
      return new AuditResult(
          null,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
          System.nanoTime() - start,
          Map.of());
    }
  }

  private MergeEvidence evidence(MergeRequest request, AuditResult audited) {
    List<RunEvent.TableChange> changes = changes(request.diff().tables());
    List<MergeEvidence.Provenance> provenance =
        journal.provenance(
            request.source().name(), request.diff().tables().stream().map(TableDiff::fqn).toList());
    // What the supervisor would publish: the same ref the checks read.
    List<MergeEvidence.TablePreview> shown = new ArrayList<>();
    Map<String, Long> previewNanos = new LinkedHashMap<>();
    for (RunEvent.TableChange change : changes) {
      long start = System.nanoTime();
      shown.add(previews.preview(request.auditRef(), change));
      previewNanos.merge(change.table(), System.nanoTime() - start, Long::sum);
    }
    return new MergeEvidence(
        request.source().name(),
        request.target().name(),
        changes,
        audited.report(),
        provenance,
        journal.usage(),
        journal.cost(),
        shown,
        auditTime(audited, previewNanos));
  }

  /** The audit's time per table: checks (every table on the ref) and preview (changed tables). */
  private static MergeEvidence.AuditTime auditTime(
      AuditResult audited, Map<String, Long> previewNanos) {
    Set<String> tables = new LinkedHashSet<>(audited.tables().keySet());
    tables.addAll(previewNanos.keySet());
    List<MergeEvidence.TableTime> out = new ArrayList<>();
    for (String table : tables) {
      Duration checks = audited.tables().get(table);
      Long preview = previewNanos.get(table);
      out.add(
          new MergeEvidence.TableTime(
              table,
              checks == null ? null : MergeEvidence.AuditTime.millis(checks.toNanos()),
              preview == null ? null : MergeEvidence.AuditTime.millis(preview)));
    }
    long total = audited.nanos() + previewNanos.values().stream().mapToLong(Long::longValue).sum();
    return new MergeEvidence.AuditTime(MergeEvidence.AuditTime.millis(total), out);
  }

  private static String failures(MergeEvidence evidence) {
    return evidence.verification().problems().stream()
        .map(CheckResult::summary)
        .limit(5)
        .collect(Collectors.joining("; "));
  }

  static List<RunEvent.TableChange> changes(List<TableDiff> diffs) {
    return diffs.stream()
        .map(
            t ->
                new RunEvent.TableChange(
                    t.fqn(),
                    t.change().name().toLowerCase(Locale.ROOT),
                    t.rowsBefore(),
                    t.rowsAfter(),
                    t.schemaChanges().stream().map(SchemaChange::describe).toList()))
        .toList();
  }
}
