package dev.airlock.agent;

import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.verify.CheckKind;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code auto-while-green} approval policy: approves code automatically while the checks on the
 * tables that already exist on the run's branches keep passing. The first failing check pauses the
 * run for the human, who sees the failing evidence next to the proposal. It fails closed: when the
 * checks cannot run, nothing is green, and the human decides, told why.
 */
public final class AutoWhileGreen extends HumanBackedPolicy {
  private final RunJournal journal;
  private final Audit audit;

  /**
   * @param audit never null (with no checks available, {@link Audit#unavailable}: every proposal
   *     after the first write then goes to the human)
   */
  public AutoWhileGreen(Supervisor human, RunJournal journal, Audit audit) {
    super(Objects.requireNonNull(human, "human"));
    this.journal = Objects.requireNonNull(journal, "journal");
    this.audit =
        Objects.requireNonNull(
            audit, "audit (with no checks available, Audit.unavailable(why), never null)");
  }

  @Override
  public Decision review(Proposal proposal) {
    List<Risk> regressions = regressions();
    if (regressions.isEmpty()) {
      return new Decision.Approve("policy:auto-while-green");
    }
    List<Risk> all = new ArrayList<>(regressions);
    all.addAll(proposal.risks());
    return human.review(
        new Proposal(
            proposal.runId(),
            proposal.turn(),
            proposal.reasoning(),
            proposal.packages(),
            proposal.code(),
            all));
  }

  /**
   * Failing checks on tables that exist on the branches the run wrote (missing tables are not a
   * regression), and any branch whose checks could not run.
   */
  List<Risk> regressions() {
    if (audit instanceof Audit.Unavailable none) {
      // No checks at all: not even a run that has written nothing yet is "green".
      return List.of(couldNotRun("the run's branches", "no checks are available: " + none.why()));
    }
    List<Risk> out = new ArrayList<>();
    for (String branch : journal.branches()) {
      VerificationReport report;
      try {
        report = audit.verify(branch);
      } catch (RuntimeException e) {
        if (e instanceof LakehouseException l && branchGone(l)) {
          continue; // the code deleted its branch: nothing left there to regress
        }
        out.add(
            couldNotRun(
                branch, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        continue;
      }
      for (CheckResult c : report.problems()) {
        if (c.kind() == CheckKind.TABLES_EXIST) {
          continue;
        }
        String sql = c.evidence().isEmpty() ? "" : c.evidence().get(0).sql();
        out.add(
            new Risk(
                "check " + c.id(), 0, sql == null ? "" : sql, "on " + branch + ": " + c.summary()));
      }
    }
    return out;
  }

  private static boolean branchGone(LakehouseException e) {
    return e.errorType() == ErrorType.REF_NOT_FOUND || e.errorType() == ErrorType.BRANCH_NOT_FOUND;
  }

  private static Risk couldNotRun(String where, String why) {
    return new Risk(
        "checks could not run",
        0,
        "",
        "on "
            + where
            + ": "
            + why
            + " (auto-while-green approves only while the checks run and pass)");
  }

  @Override
  public String policy() {
    return "auto-while-green";
  }
}
