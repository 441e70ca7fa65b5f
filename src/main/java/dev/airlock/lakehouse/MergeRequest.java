package dev.airlock.lakehouse;

/**
 * A merge asking to be let into a protected branch: the source as merged, the target at the head
 * the merge would replace, what the target will look like afterwards ({@code diff} from the target
 * head to the merge result), and who asks ({@code context}: author, run, turn, message,
 * properties).
 */
public record MergeRequest(Ref source, Ref target, RefDiff diff, WriteContext context) {}
