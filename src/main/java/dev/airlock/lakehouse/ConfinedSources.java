package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The source guard of a run: every resolved file must really lie (links followed) under an
 * allowed root. Files under a root the sandboxed code can write (its workspace) are copied to a
 * private folder before they are read, opened without following a final link and re-checked after
 * the copy, so a link swapped in after the check is not followed. Read-only roots (the raw data
 * folder) are read in place.
 */
public final class ConfinedSources implements SourceGuard {
  private final List<Path> readOnlyRoots;
  private final List<Path> writableRoots;
  private final Path staging;

  public ConfinedSources(List<Path> readOnlyRoots, List<Path> writableRoots, Path staging) {
    this.readOnlyRoots = readOnlyRoots.stream().map(ConfinedSources::real).toList();
    this.writableRoots = writableRoots.stream().map(ConfinedSources::real).toList();
    this.staging = staging;
  }

  @Override
  public StagedFiles admit(String uri, StagedFiles resolved) {
    Path copies = staging.resolve(UUID.randomUUID().toString());
    List<Path> files = new ArrayList<>();
    try {
      for (Path file : resolved.files()) {
        Path real = realOrRefuse(uri, file);
        if (under(real, readOnlyRoots)) {
          files.add(real);
        } else if (under(real, writableRoots)) {
          files.add(copy(uri, real, copies.resolve(files.size() + "-" + real.getFileName())));
        } else {
          throw forbidden(uri, file);
        }
      }
    } catch (RuntimeException e) {
      delete(copies);
      throw e;
    }
    return new Admitted(resolved, files, copies);
  }

  /** Copies {@code real} to {@code target} (its name keeps the extension DuckDB reads by). */
  private Path copy(String uri, Path real, Path target) {
    try {
      Files.createDirectories(target.getParent());
      try (SeekableByteChannel channel = Files.newByteChannel(real,
              Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
          InputStream in = Channels.newInputStream(channel)) {
        Files.copy(in, target);
      }
    } catch (IOException e) {
      throw forbidden(uri, real);
    }
    if (!realOrRefuse(uri, real).equals(real)) {
      throw forbidden(uri, real);
    }
    return target;
  }

  private Path realOrRefuse(String uri, Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw forbidden(uri, file);
    }
  }

  private LakehouseException forbidden(String uri, Path file) {
    List<Path> roots = new ArrayList<>(readOnlyRoots);
    roots.addAll(writableRoots);
    return new LakehouseException(ErrorType.FORBIDDEN, "Source " + uri + " reaches " + file
        + ", which is outside the folders this run may import from (" + roots + "): import the raw"
        + " data or files your code wrote to its working folder.", Map.of("search_uri", uri));
  }

  private static boolean under(Path path, List<Path> roots) {
    return roots.stream().anyMatch(path::startsWith);
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Staged copies are throwaway; a leftover folder is harmless.
    }
  }

  private record Admitted(StagedFiles resolved, List<Path> files, Path copies) implements StagedFiles {
    @Override
    public String uri() {
      return resolved.uri();
    }

    @Override
    public List<String> sourceUris() {
      return resolved.sourceUris();
    }

    @Override
    public void close() {
      delete(copies);
      resolved.close();
    }
  }
}
