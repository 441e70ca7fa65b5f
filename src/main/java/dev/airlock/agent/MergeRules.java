package dev.airlock.agent;

import dev.airlock.lakehouse.MergeRequest;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The remembered rules as the merge gate asks them: the first merge rule that matches a merge
 * decides it before the merge policy does ({@code reject}: refused to the agent with the rule's
 * message; {@code ask}: the person decides, told which rule asks, or, with nobody there under the
 * approval policy auto, refused saying why). A dry run (merge policy never) asks no rule.
 */
public final class MergeRules {
  /** No rules: the merge policy alone decides. */
  public static final MergeRules NONE =
      new MergeRules(PolicyRules.NONE, null, () -> true, e -> {}, Clock.systemUTC());

  /** A rule's verdict and who it is recorded as. */
  public record Ruled(MergeVerdict verdict, String by) {}

  private final PolicyRules rules;
  private final Supervisor person;
  private final BooleanSupplier nobodyThere;
  private final RunListener listener;
  private final Clock clock;

  MergeRules(
      PolicyRules rules,
      Supervisor person,
      BooleanSupplier nobodyThere,
      RunListener listener,
      Clock clock) {
    this.rules = rules;
    this.person = person;
    this.nobodyThere = nobodyThere;
    this.listener = listener;
    this.clock = clock;
  }

  /** The matching rule's decision, or null when no rule matches. */
  Ruled decide(MergeRequest request, MergeEvidence evidence, int turn) {
    PolicyRule rule = rules.forMerge(request.target().name(), evidence);
    if (rule == null) {
      return null;
    }
    String what = "the merge of " + request.source().name() + " into " + request.target().name();
    if (rule.then() == PolicyRule.Action.REJECT) {
      return new Ruled(new MergeVerdict.RejectToAgent(rule.refusal()), rule.by());
    }
    if (nobodyThere.getAsBoolean()) {
      return new Ruled(
          new MergeVerdict.RejectToAgent(SwitchableSupervisor.nobodyThere(rule, what)), rule.by());
    }
    listener.onEvent(
        new RunEvent.Notice(
            turn,
            clock.instant(),
            RunEvent.Notice.Severity.INFO,
            "the policy rule '"
                + rule.name()
                + "' asks a person to decide "
                + what
                + (rule.message() == null || rule.message().isBlank()
                    ? ""
                    : ": " + rule.message().strip())));
    MergeVerdict verdict = person.reviewMerge(request, evidence);
    String by =
        verdict instanceof MergeVerdict.Unanswered u
            ? rule.by() + " (" + u.why() + ")"
            : verdict instanceof MergeVerdict.Withdrawn ? "airlock" : person.reviewer();
    return new Ruled(verdict, by);
  }
}
