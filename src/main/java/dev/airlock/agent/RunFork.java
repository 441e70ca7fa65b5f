package dev.airlock.agent;

import dev.airlock.model.ChatMessage;
import dev.airlock.sandbox.ExecutionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a fork of a recorded run after one of its turns: the conversation exactly as it stood
 * before the next turn, and the data branches at the heads recorded after that turn. Nothing is
 * re-executed and the source run is only read.
 */
public final class RunFork {
  private RunFork() {}

  /** What a fork starts from. {@code branchHeads}: branch written by the source run -> its head. */
  public record Plan(
      String sourceRunId,
      int turn,
      List<ChatMessage> messages,
      Map<String, String> branchHeads,
      RunEvent.RunStarted source) {}

  /** Parses {@code RUN_ID@TURN}. */
  public static Map.Entry<String, Integer> parseSpec(String spec) {
    int at = spec == null ? -1 : spec.lastIndexOf('@');
    if (at <= 0 || at == spec.length() - 1) {
      throw new IllegalArgumentException(
          "a fork point is RUN_ID@TURN (a run id from `airlock runs`), not '" + spec + "'");
    }
    try {
      return Map.entry(spec.substring(0, at), Integer.parseInt(spec.substring(at + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fork point " + spec + ": the turn after @ must be a number");
    }
  }

  public static Plan plan(RunHistory source, int turn) {
    int turns = source.turns().size();
    if (turn < 0 || turn > turns) {
      throw new IllegalArgumentException(
          "run "
              + source.started().runId()
              + " has turns 1 to "
              + turns
              + "; fork after one of them (or after 0 to restart from the task)");
    }
    return new Plan(
        source.started().runId(),
        turn,
        conversationAfter(source, turn),
        headsAfter(source, turn),
        source.started());
  }

  static List<ChatMessage> conversationAfter(RunHistory source, int turn) {
    if (turn < source.turns().size()) {
      RunEvent.ModelRequested next = source.turns().get(turn).request();
      if (next != null) {
        return next.messages();
      }
    }
    if (turn == 0) {
      throw new IllegalArgumentException(
          "run "
              + source.started().runId()
              + " recorded no request to the model, so there is no conversation to continue:"
              + " start a new run with its task instead");
    }
    TurnRecord last = source.turns().get(turn - 1);
    if (last.request() == null || last.response() == null) {
      throw new IllegalArgumentException(
          "turn "
              + turn
              + " of run "
              + source.started().runId()
              + " never got a model response: fork after an earlier turn");
    }
    List<ChatMessage> messages = new ArrayList<>(last.request().messages());
    messages.add(ChatMessage.assistant(last.response().raw()));
    messages.add(ChatMessage.user(toldAfter(last, budget(source), source.started().isolated())));
    return messages;
  }

  /** What the model would have been told after {@code t}, rebuilt from the record. */
  private static String toldAfter(TurnRecord t, int budget, boolean isolated) {
    Feedback feedback = new Feedback(budget);
    if (t.parsed() != null && t.parsed().kind() == ParsedResponse.Kind.FORMAT_ERROR) {
      return feedback.formatError(t.parsed().formatError(), 1, 2);
    }
    if (t.decision() != null && t.decision().verdict() == Decision.Verdict.REJECT) {
      return feedback.rejection(t.decision().feedback());
    }
    if (t.execution() == null) {
      throw new IllegalArgumentException(
          "turn "
              + t.turn()
              + " ended without running code (it claimed done"
              + " or was stopped): fork after an earlier turn");
    }
    ExecutionResult result = t.execution().toResult();
    boolean claimedDone =
        t.parsed() != null && t.parsed().kind() == ParsedResponse.Kind.PROPOSAL_AND_DONE;
    return feedback.observation(
        result, t.decision() == null ? null : t.decision().diff(), claimedDone, isolated);
  }

  private static int budget(RunHistory source) {
    String b =
        source.started().settings() == null
            ? null
            : source.started().settings().get("output_budget");
    return b == null ? RunConfig.DEFAULT_OUTPUT_BUDGET : Integer.parseInt(b);
  }

  static Map<String, String> headsAfter(RunHistory source, int turn) {
    Map<String, String> heads = new LinkedHashMap<>();
    for (TurnRecord t : source.turns()) {
      if (t.turn() > turn || t.dataEffects() == null) {
        continue;
      }
      for (RunEvent.BranchEffect b : t.dataEffects().branches()) {
        if (!"main".equals(b.branch())) {
          heads.put(b.branch(), b.headAfter());
        }
      }
    }
    return heads;
  }

  /**
   * The conversation with a note for the model on its last user message: which run and turn it
   * continues, and the new names of the branches it wrote.
   */
  public static List<ChatMessage> withForkNote(Plan plan, Map<String, String> renamed) {
    List<ChatMessage> messages = new ArrayList<>(plan.messages());
    StringBuilder note =
        new StringBuilder("\n\n[Airlock] This conversation continues run ")
            .append(plan.sourceRunId())
            .append(" after its turn ")
            .append(plan.turn())
            .append(" in a new run; nothing after that turn happened here.");
    if (!renamed.isEmpty()) {
      note.append(
          " The data branches you wrote are available at their state after that turn under new names;"
              + " use the new names from now on:");
      renamed.forEach(
          (old, fresh) -> note.append("\n- ").append(old).append(" is now ").append(fresh));
    }
    int last = messages.size() - 1;
    ChatMessage tail = messages.get(last);
    if (tail.role() == ChatMessage.Role.USER) {
      messages.set(last, ChatMessage.user(tail.content() + note));
    } else {
      messages.add(ChatMessage.user(note.toString().strip()));
    }
    return messages;
  }
}
