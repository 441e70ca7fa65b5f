package dev.airlock.agent;

import dev.airlock.lakehouse.MergeRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The run's supervisor for code: the remembered rules first (the first matching rule decides,
 * recorded as "rule:NAME"), then the approval policy, which a person may change while the run goes
 * on ({@link #change}): from the next decision on, recorded as a {@link RunEvent.PolicyChanged}. A
 * question already put to the person stays theirs to answer.
 *
 * <p>A rule that says {@code ask} hands the proposal to the person, flagged with the rule's name;
 * under the {@code auto} policy nobody is asked, so the proposal is refused, saying why.
 */
public final class SwitchableSupervisor implements Supervisor {
  private final Supervisor human;
  private final RunJournal journal;
  private final Audit audit;
  private final PolicyRules rules;
  private final RunListener listener;
  private final Clock clock;
  private final IntSupplier turn;
  private ApprovalPolicy policy;
  private Supervisor current;

  /**
   * @param human the person's seat, behind every policy that asks
   * @param turn the turn the run is in, for the record of a change
   */
  public SwitchableSupervisor(
      ApprovalPolicy initial,
      Supervisor human,
      RunJournal journal,
      Audit audit,
      PolicyRules rules,
      RunListener listener,
      Clock clock,
      IntSupplier turn) {
    this.human = Objects.requireNonNull(human, "human");
    this.journal = journal;
    this.audit = audit;
    this.rules = Objects.requireNonNull(rules, "rules");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.turn = Objects.requireNonNull(turn, "turn");
    this.policy = Objects.requireNonNull(initial, "initial");
    this.current = initial.supervisor(human, journal, audit);
  }

  /** The approval policy deciding now. */
  public synchronized ApprovalPolicy approval() {
    return policy;
  }

  /**
   * Makes {@code to} decide from the next decision on, recorded with {@code by} ("human:alice");
   * false (and nothing recorded) when it already decides.
   */
  public boolean change(ApprovalPolicy to, String by) {
    Objects.requireNonNull(to, "to");
    ApprovalPolicy from;
    synchronized (this) {
      if (to == policy) {
        return false;
      }
      from = policy;
      policy = to;
      current = to.supervisor(human, journal, audit);
      // Announced inside the lock: two changes are recorded in the order they took effect.
      listener.onEvent(
          new RunEvent.PolicyChanged(turn.getAsInt(), clock.instant(), from.word(), to.word(), by));
    }
    return true;
  }

  /**
   * Approve &amp; relax as one step: approves {@code question} ({@code code} null: as proposed,
   * else as edited) and makes {@code to} decide from the next decision on, under the lock that
   * answers and withdraws the question, so both happen or neither does. Recorded as a change (when
   * {@code to} did not decide already) followed by the approval. False, and nothing changed, when
   * the question was answered or withdrawn first; a blank edit is refused with {@link
   * IllegalArgumentException}, nothing changed.
   */
  public boolean approveAndChange(
      PendingApproval question, String code, ApprovalPolicy to, String by) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(to, "to");
    return question.approveAfter(code, () -> change(to, by));
  }

  @Override
  public Decision review(Proposal proposal) {
    Supervisor now;
    ApprovalPolicy p;
    synchronized (this) {
      now = current;
      p = policy;
    }
    PolicyRule rule = rules.forCode(proposal);
    if (rule == null) {
      return now.review(proposal);
    }
    return switch (rule.then()) {
      case APPROVE -> new Decision.Approve(rule.by());
      case REJECT -> new Decision.Reject(rule.by(), rule.refusal());
      case ASK ->
          p == ApprovalPolicy.AUTO
              ? new Decision.Reject(rule.by(), nobodyThere(rule, "this code"))
              : human.review(flagged(proposal, rule));
    };
  }

  /** The merge rules of this run, deciding with this supervisor's policy and person. */
  public MergeRules mergeRules(Supervisor mergeReviewer) {
    return new MergeRules(
        rules, mergeReviewer, () -> approval() == ApprovalPolicy.AUTO, listener, clock);
  }

  static String nobodyThere(PolicyRule rule, String what) {
    return "the policy rule '"
        + rule.name()
        + "' asks a person to decide "
        + what
        + ", and nobody is asked under the approval policy auto, so it is refused"
        + (rule.message() == null || rule.message().isBlank() ? "" : " (" + rule.message() + ")");
  }

  private static Proposal flagged(Proposal proposal, PolicyRule rule) {
    List<Risk> all = new ArrayList<>();
    all.add(
        new Risk(
            rule.by(),
            0,
            "",
            "the policy rule '"
                + rule.name()
                + "' asks you"
                + (rule.message() == null || rule.message().isBlank()
                    ? ""
                    : ": " + rule.message().strip())));
    all.addAll(proposal.risks());
    return new Proposal(
        proposal.runId(),
        proposal.turn(),
        proposal.reasoning(),
        proposal.packages(),
        proposal.code(),
        all);
  }

  @Override
  public String policy() {
    synchronized (this) {
      return current.policy();
    }
  }

  @Override
  public MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
    Supervisor now;
    synchronized (this) {
      now = current;
    }
    return now.reviewMerge(request, evidence);
  }

  /** A budget question goes to the policy deciding now: a person where one asks, else a stop. */
  @Override
  public BudgetVerdict reviewBudget(BudgetReport report) {
    Supervisor now;
    synchronized (this) {
      now = current;
    }
    return now.reviewBudget(report);
  }

  @Override
  public String reviewer() {
    synchronized (this) {
      return current.reviewer();
    }
  }
}
