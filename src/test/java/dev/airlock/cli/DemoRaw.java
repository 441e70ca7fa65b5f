package dev.airlock.cli;

import dev.airlock.demo.DemoDataGenerator;
import dev.airlock.demo.DemoDataOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Generated demo data for end-to-end runs, in a folder the sandbox's unprivileged user can enter
 * (so the agent's code sees it under /raw), deleted afterwards.
 */
final class DemoRaw implements AutoCloseable {
  final Path dir;

  DemoRaw(long rows) throws IOException {
    Path parent = Path.of(System.getProperty("java.io.tmpdir"), "airlock-test-raw");
    dir = parent.resolve(UUID.randomUUID().toString());
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    new DemoDataGenerator().generate(dir, DemoDataOptions.defaults().withRows(rows));
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
