package dev.airlock.session;

import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunEvent.Notice.Severity;
import dev.airlock.agent.RunJournal;
import dev.airlock.agent.RunListener;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.lakehouse.WriteContext;
import dev.airlock.verify.Expectations;
import dev.airlock.verify.VerificationReport;
import dev.airlock.verify.Verifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The publish half of Write-Audit-Publish for a run: audits merge requests (through the run's
 * gate), checks main again after every merge (a failure is reported loudly with the command that
 * undoes it), and, when the agent claims done with unpublished changes on its branch, asks to merge
 * that branch itself.
 */
final class RunPublishing implements AutoCloseable {
  private final Lakehouse lakehouse;
  private final Verifier verifier;
  private final Expectations expectations;
  private final MergePolicy merge;
  private final RunJournal journal;
  private final RunListener listener;
  private final Clock clock;
  private final String runId;
  private final String author;
  private final ExecutorService postMerge =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "airlock-post-merge");
            t.setDaemon(true);
            return t;
          });
  private final List<Future<?>> pending = new ArrayList<>();

  RunPublishing(
      Lakehouse lakehouse,
      Verifier verifier,
      Expectations expectations,
      MergePolicy merge,
      RunJournal journal,
      RunListener listener,
      Clock clock,
      String runId,
      String author) {
    this.lakehouse = lakehouse;
    this.verifier = verifier;
    this.expectations = expectations;
    this.merge = merge;
    this.journal = journal;
    this.listener = listener;
    this.clock = clock;
    this.runId = runId;
    this.author = author;
  }

  /**
   * Told about every lakehouse operation: a merge into main by this run schedules the post-merge
   * check. Merges of other runs and commands on the shared lakehouse are theirs to check, and a
   * merge that found nothing to publish left main as it was.
   */
  void onLakehouseEvent(LakehouseEvent e) {
    if ("merge_branch".equals(e.operation())
        && "main".equals(e.ref())
        && e.error() == null
        && e.commitAfter() != null
        && !e.commitAfter().equals(e.commitBefore())
        && e.context() != null
        && runId.equals(e.context().runId())) {
      int turn = e.context().turn() == null ? 0 : e.context().turn();
      synchronized (pending) {
        pending.add(postMerge.submit(() -> checkMain(turn, e.commitAfter())));
      }
    }
  }

  private void checkMain(int turn, String mergeCommit) {
    VerificationReport report;
    try {
      report = verifier.verify("main@" + mergeCommit, expectations);
    } catch (RuntimeException ex) {
      listener.onEvent(
          new RunEvent.Notice(
              turn,
              clock.instant(),
              Severity.ERROR,
              "the post-merge check on main could not run: " + ex.getMessage()));
      return;
    }
    listener.onEvent(
        new RunEvent.PostMergeChecked(
            turn, clock.instant(), mergeCommit, report.passed(), report.summary(), report));
    // A failure needs no notice of its own: the check's rendering names the revert command.
  }

  /** Waits for the post-merge checks scheduled so far (so they belong to the turn that merged). */
  void awaitPostMergeChecks() {
    List<Future<?>> now;
    synchronized (pending) {
      now = new ArrayList<>(pending);
      pending.clear();
    }
    for (Future<?> f : now) {
      try {
        f.get();
      } catch (Exception e) {
        // checkMain reports its own failures as notices.
      }
    }
  }

  /**
   * The agent claims done: each branch it wrote that still differs from main is put to the gate.
   * Returns what to tell the model when done cannot be accepted yet, or null.
   */
  String onDoneClaimed(int turn) {
    if (merge == MergePolicy.NEVER) {
      return null;
    }
    for (String branch : journal.branches()) {
      try {
        if (!lakehouse.hasBranch(branch) || lakehouse.diff("main", branch).isEmpty()) {
          continue;
        }
        lakehouse.merge(
            branch,
            "main",
            WriteContext.run(author, runId, turn)
                .withMessage("Merge " + branch + " into main (the agent claimed done)"));
      } catch (LakehouseException e) {
        return "Your <done> was not accepted yet. Your branch "
            + branch
            + " has changes that are not on"
            + " main, so Airlock asked to merge it, and that failed: "
            + e.getMessage()
            + "\nFix the data on "
            + branch
            + " (or explain why it should not be published), then answer again.";
      } finally {
        awaitPostMergeChecks();
      }
    }
    return null;
  }

  @Override
  public void close() {
    awaitPostMergeChecks();
    postMerge.shutdownNow();
  }
}
