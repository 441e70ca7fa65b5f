package dev.airlock.ui.runs;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import dev.airlock.agent.RiskDetector;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunFork;
import dev.airlock.agent.RunHistory;
import dev.airlock.model.ScriptedModel;
import dev.airlock.session.RunRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What "Fork from this turn" would start, without a toolkit: the source run and turn, the branches
 * the fork recreates under new names (or why the turn cannot be forked), and the request for the
 * new run from the person's choices over the console's defaults ({@code base}).
 *
 * @param problem why this turn cannot be forked (the engine's words), or null
 */
public record ForkPlan(
    String runId, int turn, List<String> branches, RunEvent.RunStarted source, String problem) {

  /** A run id as the launcher makes them: a plain file name stem, never a path. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public ForkPlan {
    branches = List.copyOf(branches);
  }

  /** The plan for forking {@code history} after {@code turn}, checked as the engine checks it. */
  public static ForkPlan of(RunHistory history, int turn) {
    RunEvent.RunStarted source = history.started();
    String id = source.runId();
    if (id == null || !PLAIN_ID.matcher(id).matches()) {
      // The launcher finds the source by id (a path when one exists): an id the transcript made up
      // ("../../elsewhere/x", "/tmp/x") would fork a file outside the runs folder, not this run.
      return new ForkPlan(
          String.valueOf(id),
          turn,
          List.of(),
          source,
          "its run id '"
              + RiskDetector.visible(String.valueOf(id))
              + "' is not one Airlock makes (letters, digits, '-', '_', '.'), so the fork could"
              + " not find this run by it");
    }
    try {
      RunFork.Plan plan = RunFork.plan(history, turn);
      return new ForkPlan(
          source.runId(), turn, List.copyOf(plan.branchHeads().keySet()), source, null);
    } catch (IllegalArgumentException e) {
      return new ForkPlan(source.runId(), turn, List.of(), source, e.getMessage());
    }
  }

  /** "RUN@TURN", as {@code run --fork} takes it. */
  public String spec() {
    return runId + "@" + turn;
  }

  /** The model to propose: the source run's, as a model spec the launcher takes. */
  public String model() {
    String m = source.model();
    return m == null || m.equals(ScriptedModel.DEMO_NAME) ? "demo" : m;
  }

  /** The new run: the choices, over the console's defaults; {@code runsDir} holds the source. */
  public RunRequest request(
      RunRequest base,
      String model,
      ApprovalPolicy approval,
      MergePolicy merge,
      int maxTurns,
      Path runsDir) {
    RunRequest.Builder b =
        RunRequest.builder(model)
            .fork(spec())
            .approval(approval)
            .merge(merge)
            .maxTurns(maxTurns)
            .runsDir(runsDir);
    if (base != null) {
      b.lakehouseHome(base.lakehouseHome())
          .prompts(base.prompts())
          .execTimeout(base.execTimeout())
          .outputBudget(base.outputBudget())
          .python(base.python())
          .unsafeNoIsolation(base.unsafeNoIsolation())
          .budget(base.budget())
          .policy(base.policy())
          .expect(base.expect());
      base.passEnv().forEach(b::passEnv);
      if (model.equals(base.model())) {
        b.baseUrl(base.baseUrl()).price(base.price());
      }
    }
    return b.build();
  }
}
