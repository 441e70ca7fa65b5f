package dev.airlock.agent;

import dev.airlock.verify.CheckKind;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code auto-while-green} approval policy: approves code automatically while the checks on the
 * tables that already exist on the run's branches keep passing. The first failing check pauses the
 * run for the human, who sees the failing evidence next to the proposal.
 */
public final class AutoWhileGreen extends HumanBackedPolicy {
  private final RunJournal journal;
  private final Supplier<Audit> audit;

  public AutoWhileGreen(Supervisor human, RunJournal journal, Supplier<Audit> audit) {
    super(human);
    this.journal = journal;
    this.audit = audit;
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
   * regression).
   */
  List<Risk> regressions() {
    Audit a = audit.get();
    List<Risk> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    for (String branch : journal.branches()) {
      VerificationReport report;
      try {
        report = a.verify(branch);
      } catch (dev.airlock.lakehouse.LakehouseException e) {
        continue; // the code deleted its branch: nothing left there to regress
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

  @Override
  public String policy() {
    return "auto-while-green";
  }
}
