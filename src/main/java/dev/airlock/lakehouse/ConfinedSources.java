package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The source guard of a run: every resolved file must really lie (links followed) under an allowed
 * root. Allow only roots the sandboxed code cannot change (the raw data folder, bound read-only): a
 * check of a path the code can change is undone by a link swapped in after it, so files the code
 * writes reach the lakehouse as uploaded bytes, never as host paths.
 */
public final class ConfinedSources implements SourceGuard {
  private final List<Path> readOnlyRoots;

  public ConfinedSources(List<Path> readOnlyRoots) {
    this.readOnlyRoots = readOnlyRoots.stream().map(ConfinedSources::real).toList();
  }

  @Override
  public StagedFiles admit(String uri, StagedFiles resolved) {
    for (Path file : resolved.files()) {
      Path real = realOrRefuse(uri, file);
      if (!readOnlyRoots.stream().anyMatch(real::startsWith)) {
        throw forbidden(uri, file);
      }
    }
    return resolved;
  }

  private Path realOrRefuse(String uri, Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw forbidden(uri, file);
    }
  }

  private LakehouseException forbidden(String uri, Path file) {
    return new LakehouseException(
        ErrorType.FORBIDDEN,
        "Source "
            + uri
            + " reaches "
            + file
            + ", which is outside the folders this run may import from ("
            + readOnlyRoots
            + "):"
            + " import the raw data, or files your code wrote (its client uploads them).",
        Map.of("search_uri", uri));
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
