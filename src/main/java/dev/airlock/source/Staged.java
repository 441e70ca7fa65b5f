package dev.airlock.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files behind one location. {@code stagingDir} is null for local files used in place; otherwise it
 * is the folder this stage created, and closing deletes that folder and nothing else.
 */
record Staged(String uri, List<Path> files, List<String> sourceUris, Path stagingDir)
    implements StagedFiles {

  Staged {
    files = List.copyOf(files);
    sourceUris = List.copyOf(sourceUris);
  }

  static Staged inPlace(String uri, List<Path> files) {
    return new Staged(uri, files, files.stream().map(p -> p.toUri().toString()).toList(), null);
  }

  @Override
  public void close() {
    if (stagingDir != null) {
      deleteTree(stagingDir);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete staged copies in " + root, e);
    }
  }
}
