package dev.airlock.lakehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who writes and why: recorded on every commit a write makes. {@code runId} and {@code turn} are
 * null outside an agent run. {@code message} is the commit message (a default is made when null);
 * {@code properties} are extra commit properties (Bauplan's {@code commit_properties}).
 */
public record WriteContext(
    String author, String runId, Integer turn, String message, Map<String, String> properties) {

  /** Commit property keys the catalog always sets from the fields above. */
  public static final String RUN = "run";

  public static final String TURN = "turn";

  /** Commit property naming the merge a revert-merge undid (its full hash). */
  public static final String REVERTED_MERGE = "reverted_merge";

  /** Keys only the lakehouse sets: a caller's {@code commit_properties} may not name them. */
  public static final Set<String> RESERVED = Set.of(RUN, TURN, REVERTED_MERGE);

  public WriteContext {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("a write needs an author");
    }
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** A write by a person at the command line, outside any run. */
  public static WriteContext user(String author) {
    return new WriteContext(author, null, null, null, Map.of());
  }

  /** A write by an agent run's code during one turn. */
  public static WriteContext run(String author, String runId, int turn) {
    return new WriteContext(author, runId, turn, null, Map.of());
  }

  public WriteContext withMessage(String newMessage) {
    return new WriteContext(author, runId, turn, newMessage, properties);
  }

  public WriteContext withProperties(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(properties);
    if (extra != null) {
      merged.putAll(extra);
    }
    return new WriteContext(author, runId, turn, message, merged);
  }

  /** The properties a commit records: the extras plus {@code run} and {@code turn} when known. */
  public Map<String, String> commitProperties() {
    Map<String, String> all = new LinkedHashMap<>(properties);
    if (runId != null) {
      all.put(RUN, runId);
    }
    if (turn != null) {
      all.put(TURN, turn.toString());
    }
    return all;
  }
}
