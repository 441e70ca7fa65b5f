package dev.airlock.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Names the data files of a local raw location for the task prompt, so the agent knows what there
 * is without listing a folder its sandbox cannot see. Remote locations are left to the agent.
 */
final class RawListing {
  private RawListing() {}

  static List<String> files(String rawUri) {
    Path local = RunBackends.localPath(rawUri);
    if (local == null || !Files.isDirectory(local)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(local)) {
      return s.filter(Files::isRegularFile)
          .filter(RawListing::isData)
          .map(p -> RunBackends.RAW_IN_SANDBOX + "/" + p.getFileName())
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean isData(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".parquet")
        || name.endsWith(".csv")
        || name.endsWith(".json")
        || name.endsWith(".jsonl")
        || name.endsWith(".ndjson");
  }
}
