package dev.airlock.lakehouse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One catalog commit. {@code properties} hold at least {@code run} and {@code turn} when an agent
 * run wrote it; {@code parents} has two entries for a merge (target head first, then the source).
 */
public record Commit(
    String hash,
    String message,
    String author,
    Instant time,
    Map<String, String> properties,
    List<String> parents) {

  public Commit {
    properties = Map.copyOf(properties);
    parents = List.copyOf(parents);
  }

  /** The first line of the message. */
  public String subject() {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
