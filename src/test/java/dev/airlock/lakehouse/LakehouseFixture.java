package dev.airlock.lakehouse;

import dev.airlock.DabstepFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers: the real DABStep files, small CSV sources, listing warehouse files. */
final class LakehouseFixture {
  static final WriteContext ALICE = WriteContext.run("alice", "run-1", 2);

  private LakehouseFixture() {}

  static Path dabstep(String file) {
    return DabstepFiles.file(file);
  }

  static Path csv(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  static List<Path> dataFiles(Path warehouse) throws IOException {
    try (Stream<Path> s = Files.walk(warehouse)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList());
    }
  }
}
