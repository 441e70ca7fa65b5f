package dev.airlock.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.airlock.lakehouse.LakehouseEvent;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.sandbox.ExecutionResult;
import dev.airlock.verify.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything that happens in a run, as immutable records. Listeners (the transcript writer, the CLI
 * printer, the console) receive them in order. The transcript stores every event whose {@link
 * #persistent()} is true; those alone rebuild every turn, so a live run and a replayed run render
 * from the same data. Live-only events (streamed tokens and output chunks, phase changes) are
 * summarised by the persistent ones that follow them.
 *
 * <p>The JSON shape of each record is pinned by a golden test: changing a field name is a format
 * change and needs {@link #FORMAT} bumped.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunEvent.RunStarted.class, name = "run_started"),
  @JsonSubTypes.Type(value = RunEvent.ModelRequested.class, name = "model_requested"),
  @JsonSubTypes.Type(value = RunEvent.ModelToken.class, name = "model_token"),
  @JsonSubTypes.Type(value = RunEvent.ModelResponded.class, name = "model_responded"),
  @JsonSubTypes.Type(value = RunEvent.ResponseParsed.class, name = "response_parsed"),
  @JsonSubTypes.Type(value = RunEvent.ApprovalRequested.class, name = "approval_requested"),
  @JsonSubTypes.Type(value = RunEvent.Decided.class, name = "decided"),
  @JsonSubTypes.Type(value = RunEvent.ExecutionStarted.class, name = "execution_started"),
  @JsonSubTypes.Type(value = RunEvent.OutputChunk.class, name = "output_chunk"),
  @JsonSubTypes.Type(value = RunEvent.ExecutionFinished.class, name = "execution_finished"),
  @JsonSubTypes.Type(value = RunEvent.LakehouseCall.class, name = "lakehouse_call"),
  @JsonSubTypes.Type(value = RunEvent.DataChanged.class, name = "data_changed"),
  @JsonSubTypes.Type(value = RunEvent.DataEffects.class, name = "data_effects"),
  @JsonSubTypes.Type(value = RunEvent.MergeRequested.class, name = "merge_requested"),
  @JsonSubTypes.Type(value = RunEvent.MergeDecided.class, name = "merge_decided"),
  @JsonSubTypes.Type(value = RunEvent.PostMergeChecked.class, name = "post_merge_checked"),
  @JsonSubTypes.Type(value = RunEvent.PhaseChanged.class, name = "phase_changed"),
  @JsonSubTypes.Type(value = RunEvent.Notice.class, name = "notice"),
  @JsonSubTypes.Type(value = RunEvent.DecisionPending.class, name = "decision_pending"),
  @JsonSubTypes.Type(value = RunEvent.DecisionWithdrawn.class, name = "decision_withdrawn"),
  @JsonSubTypes.Type(value = RunEvent.StreamRestarted.class, name = "stream_restarted"),
  @JsonSubTypes.Type(value = RunEvent.BudgetReached.class, name = "budget_reached"),
  @JsonSubTypes.Type(value = RunEvent.BudgetDecided.class, name = "budget_decided"),
  @JsonSubTypes.Type(value = RunEvent.RunFinished.class, name = "run_finished"),
  @JsonSubTypes.Type(value = RunEvent.PolicyChanged.class, name = "policy_changed"),
})
public sealed interface RunEvent {

  /**
   * The transcript format written by this version. Version 2 stores check reports as typed {@link
   * VerificationReport}s; version 1 stored them as maps of the same shape, so both read alike.
   */
  String FORMAT = "airlock-transcript/2";

  /** The turn this event belongs to; 0 for run-level events. */
  int turn();

  Instant at();

  /** False for live-only events that the transcript does not keep. */
  @JsonIgnore
  default boolean persistent() {
    return true;
  }

  /** The first event of every run. */
  record RunStarted(
      int turn,
      Instant at,
      String format,
      String runId,
      String model,
      String sandbox,
      boolean isolated,
      String approval,
      int maxTurns,
      String rawUri,
      String branch,
      String forkedFrom,
      Map<String, String> settings)
      implements RunEvent {}

  /** Exactly the messages sent to the model for this turn. */
  record ModelRequested(int turn, Instant at, String model, List<ChatMessage> messages)
      implements RunEvent {}

  /** Streamed response text (live only; {@link ModelResponded} carries the whole text). */
  record ModelToken(int turn, Instant at, String text) implements RunEvent {
    @Override
    public boolean persistent() {
      return false;
    }
  }

  /** The raw response, exactly as the model wrote it. */
  record ModelResponded(
      int turn,
      Instant at,
      String raw,
      Usage usage,
      Double costUsd,
      long latencyMs,
      int attempts,
      String finishReason)
      implements RunEvent {}

  /** What the parser made of the response. */
  record ResponseParsed(
      int turn,
      Instant at,
      ParsedResponse.Kind kind,
      String reasoning,
      List<String> packages,
      String code,
      String done,
      String formatError)
      implements RunEvent {}

  /** A proposal waits for the supervisor; {@code risks} are why a risky policy asks. */
  record ApprovalRequested(
      int turn, Instant at, String policy, String code, String codeSha256, List<Risk> risks)
      implements RunEvent {}

  /**
   * The supervisor's decision. {@code executedCode} and its hash are byte for byte what runs (null
   * when nothing runs); {@code diff} is the unified diff from proposed to executed when edited.
   */
  record Decided(
      int turn,
      Instant at,
      Decision.Verdict verdict,
      String by,
      String proposedCode,
      String executedCode,
      String executedSha256,
      String diff,
      String feedback)
      implements RunEvent {}

  record ExecutionStarted(int turn, Instant at, String codeSha256, String sandbox, long timeoutMs)
      implements RunEvent {}

  /** Sandbox output as it arrives (live only; {@link ExecutionFinished} carries all of it). */
  record OutputChunk(int turn, Instant at, String stream, String text) implements RunEvent {
    @Override
    public boolean persistent() {
      return false;
    }
  }

  record ExecutionFinished(
      int turn,
      Instant at,
      String status,
      Integer exitCode,
      String stdout,
      String stderr,
      long stdoutDroppedBytes,
      long stderrDroppedBytes,
      String error,
      long durationMs,
      List<String> missingPackages)
      implements RunEvent {

    /** The record of {@code result}: the transcript keeps its own stable copy of the fields. */
    static ExecutionFinished of(int turn, Instant at, ExecutionResult result) {
      return RunEventConversions.finished(turn, at, result);
    }

    /** The result again, as the model was told it (forks rebuild the observation from this). */
    ExecutionResult toResult() {
      return RunEventConversions.result(this);
    }
  }

  /**
   * One call the turn's code made to the lakehouse through the gateway: the method, a summary of
   * its parameters, and how it ended ({@code result} summary, or the Bauplan error type and
   * message).
   */
  record LakehouseCall(
      int turn,
      Instant at,
      String method,
      Map<String, Object> params,
      boolean ok,
      String result,
      String errorType,
      String errorMessage,
      long durationMs)
      implements RunEvent {}

  /**
   * A change the turn made to the data: one lakehouse commit on {@code ref} (a branch), with the
   * branch head before and after, the table touched and the rows written when known.
   */
  record DataChanged(
      int turn,
      Instant at,
      String operation,
      String ref,
      String table,
      String commitBefore,
      String commitAfter,
      Long rows)
      implements RunEvent {

    /**
     * The commit a lakehouse write made, as of {@code at}; null when it committed nothing (it
     * failed, or left the head where it was). Its turn is the write's, 0 outside any turn.
     */
    public static DataChanged of(LakehouseEvent e, Instant at) {
      return RunEventConversions.dataChanged(e, at);
    }
  }

  /**
   * What a turn's code did to the data, per branch: the head before and after the turn, the tables
   * it touched and the rows it imported. A fork starts from the heads recorded here.
   */
  record DataEffects(int turn, Instant at, List<BranchEffect> branches) implements RunEvent {}

  /** One branch's change during one turn. */
  record BranchEffect(
      String branch,
      String headBefore,
      String headAfter,
      List<String> tables,
      long rowsAdded,
      int commits) {}

  /**
   * A merge into a protected branch waits for the gate: what would change, table by table. The
   * console draws its merge dialog from this; the CLI prints it. {@code previews} (the first rows
   * of each table the merge adds or changes) is null in transcripts written before it existed: read
   * it through {@link #tablePreviews()}; so is {@code auditTime} (how long the checks and previews
   * took), which then reads as unknown.
   */
  record MergeRequested(
      int turn,
      Instant at,
      String source,
      String sourceCommit,
      String target,
      String targetCommit,
      List<TableChange> changes,
      String policy,
      VerificationReport verification,
      Boolean checksPassed,
      List<MergeEvidence.Provenance> provenance,
      Usage usage,
      Double costUsd,
      List<MergeEvidence.TablePreview> previews,
      MergeEvidence.AuditTime auditTime)
      implements RunEvent {

    /** The previews, empty when the transcript predates them. */
    @JsonIgnore
    public List<MergeEvidence.TablePreview> tablePreviews() {
      return previews == null ? List.of() : previews;
    }
  }

  /** One table's difference in a merge request. */
  record TableChange(
      String table, String change, Long rowsBefore, Long rowsAfter, List<String> schemaChanges) {}

  /** The gate's answer to a merge request, and who gave it. */
  record MergeDecided(
      int turn,
      Instant at,
      String source,
      String target,
      boolean approved,
      String by,
      String reason,
      boolean endsRun)
      implements RunEvent {}

  /** The checks ran again on main after a merge; {@code report} is the verification report. */
  record PostMergeChecked(
      int turn,
      Instant at,
      String mergeCommit,
      boolean passed,
      String summary,
      VerificationReport report)
      implements RunEvent {}

  /** The turn's state machine moved (live only; the persistent events imply it). */
  record PhaseChanged(int turn, Instant at, TurnPhase phase) implements RunEvent {
    @Override
    public boolean persistent() {
      return false;
    }
  }

  /** Something the supervisor must see: running without isolation, a retry, a format error. */
  record Notice(int turn, Instant at, Severity severity, String message) implements RunEvent {
    public enum Severity {
      INFO,
      WARNING,
      ERROR
    }
  }

  /**
   * A question waits for a face (live only): {@code decision} is the object to answer, from any
   * thread. The persistent {@link ApprovalRequested} or {@link MergeRequested} before it records
   * the question; the answer is recorded as {@link Decided} or {@link MergeDecided}.
   */
  record DecisionPending(int turn, Instant at, @JsonIgnore PendingDecision decision)
      implements RunEvent {
    @Override
    public boolean persistent() {
      return false;
    }
  }

  /**
   * The run stopped while a question was open: nobody answered it and nobody can now. {@code kind}
   * is "approval", "merge" or "budget"; {@code decision} the pending decision's id.
   */
  record DecisionWithdrawn(int turn, Instant at, String decision, String kind, String reason)
      implements RunEvent {}

  /**
   * The model's response stream broke and the request is being sent again (live only): the text
   * streamed so far for this turn is void and the response starts over as attempt {@code attempt}.
   */
  record StreamRestarted(int turn, Instant at, int attempt) implements RunEvent {
    @Override
    public boolean persistent() {
      return false;
    }
  }

  /**
   * Before asking the model again after turn {@code turn}, the run found {@code limits} ("tokens",
   * "usd", "time") reached: {@code used} of {@code limit}. It waits for {@link BudgetDecided}.
   */
  record BudgetReached(
      int turn, Instant at, List<String> limits, BudgetFigures used, BudgetFigures limit)
      implements RunEvent {}

  /**
   * The answer to {@link BudgetReached}: {@code verdict} "extend" (to {@code limit}, the new
   * budget) or "stop" (the run ends with status BUDGET; {@code reason} says why), and who gave it.
   */
  record BudgetDecided(
      int turn, Instant at, String by, String verdict, BudgetFigures limit, String reason)
      implements RunEvent {}

  /**
   * The run's approval policy changed while it ran ("ask" to "auto"), from the next decision on;
   * {@code by} made the change ("human:alice"). {@code turn} is the turn the run was in.
   */
  record PolicyChanged(int turn, Instant at, String from, String to, String by)
      implements RunEvent {}

  /** The last event of every run. */
  record RunFinished(
      int turn,
      Instant at,
      RunStatus status,
      String reason,
      int turns,
      Usage usage,
      Double costUsd,
      String branch,
      String summary)
      implements RunEvent {}
}
