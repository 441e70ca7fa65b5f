package dev.airlock.lakehouse;

/**
 * A merge asking to be let into a protected branch: the source as merged, the target at the head
 * the merge would replace, what the target will look like afterwards ({@code diff} from the target
 * head to the merge result), and who asks ({@code context}: author, run, turn, message,
 * properties). {@code result} is the merge commit that would be published, already readable as a
 * detached ref ({@code @hash}): audit that, not the source, because a three-way merge keeps the
 * target's own changes too (two green branches can merge into data that fails the checks).
 */
public record MergeRequest(Ref source, Ref target, RefDiff diff, WriteContext context, Ref result) {

  /** A request without a written merge commit (tests of gates that read only the diff). */
  public MergeRequest(Ref source, Ref target, RefDiff diff, WriteContext context) {
    this(source, target, diff, context, null);
  }

  /** What an audit of this merge reads: the merge result when known, else the source. */
  public String auditRef() {
    return result != null ? "@" + result.hash() : source.name() + "@" + source.hash();
  }
}
