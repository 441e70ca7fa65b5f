package dev.airlock.agent;

import dev.airlock.model.Usage;
import dev.airlock.verify.VerificationReport;
import java.util.List;

/**
 * What the supervisor sees before publishing: the diff against main per table, the audit's check
 * results on the source branch, where each table's data came from in this run, and what the run has
 * cost so far.
 */
public record MergeEvidence(
    String source,
    String target,
    List<RunEvent.TableChange> changes,
    VerificationReport verification,
    List<Provenance> provenance,
    Usage usage,
    Double costUsd) {

  /**
   * Which turn's code last wrote a table, the hash of that code, and who approved it and how (as
   * proposed or edited). {@code turn} is null when the table was not written by this run.
   */
  public record Provenance(
      String table, Integer turn, String codeSha256, String approvedBy, String how) {}

  public boolean checksPassed() {
    return verification != null && verification.passed();
  }
}
