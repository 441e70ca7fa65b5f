package dev.airlock.agent;

import java.util.List;
import java.util.Objects;

/**
 * What the agent is asked to do. {@code template} is the task prompt (the packaged
 * Write-Audit-Publish ingestion task, or the user's {@code --task FILE}); the other fields fill its
 * variables.
 */
public record Task(
    String template, String rawUri, String branch, String namespace, List<String> tables) {
  public Task {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(rawUri, "rawUri");
    Objects.requireNonNull(branch, "branch");
    namespace = namespace == null || namespace.isBlank() ? "bauplan" : namespace;
    tables = List.copyOf(tables == null ? List.of() : tables);
  }
}
