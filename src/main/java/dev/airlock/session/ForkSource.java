package dev.airlock.session;

import dev.airlock.agent.Conversation;
import dev.airlock.agent.RunFork;
import dev.airlock.agent.RunHistory;
import dev.airlock.lakehouse.Lakehouse;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.transcript.TranscriptException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code airlock run --fork RUN_ID@TURN}: reads the source run's transcript, and when the new run
 * starts, recreates each branch the source run wrote at its head after TURN under a new name.
 */
public record ForkSource(RunFork.Plan plan) {

  static ForkSource read(String spec, Path runsDir) throws LaunchException {
    try {
      Map.Entry<String, Integer> parsed = RunFork.parseSpec(spec);
      RunHistory history = RunHistory.read(AirlockPaths.transcriptOf(parsed.getKey(), runsDir));
      return new ForkSource(RunFork.plan(history, parsed.getValue()));
    } catch (IllegalArgumentException | TranscriptException e) {
      throw LaunchException.of(RunRequest.Field.FORK, spec + ": " + e.getMessage());
    }
  }

  /** The name a branch of the source run gets in the fork {@code runId}. */
  static String renamed(String branch, String runId) {
    return branch + "_fork_" + runId.replace('-', '_');
  }

  /**
   * The fork's own branch: the source run's branch under its new name when the fork recreates it
   * (the conversation goes on writing there), else null.
   */
  String ownBranch(String runId) {
    String source = plan.source().branch();
    return source != null && plan.branchHeads().containsKey(source) ? renamed(source, runId) : null;
  }

  /**
   * Recreates the branches (old name to new name into {@code renamed}) and returns the
   * conversation.
   */
  Conversation start(Lakehouse lakehouse, String runId, Map<String, String> renamed)
      throws LaunchException {
    for (Map.Entry<String, String> head : plan.branchHeads().entrySet()) {
      String fresh = renamed(head.getKey(), runId);
      try {
        lakehouse.createBranch(fresh, "@" + head.getValue());
      } catch (LakehouseException e) {
        throw LaunchException.of(
            RunRequest.Field.FORK,
            "cannot recreate branch "
                + head.getKey()
                + " at "
                + head.getValue()
                + " for the fork: "
                + e.getMessage()
                + " (was the run recorded against another lakehouse? choose its lakehouse home)");
      }
      renamed.put(head.getKey(), fresh);
    }
    return new Conversation(RunFork.withForkNote(plan, renamed), plan.turn());
  }
}
