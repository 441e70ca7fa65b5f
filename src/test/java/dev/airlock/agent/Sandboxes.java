package dev.airlock.agent;

import dev.airlock.sandbox.LocalSandbox;
import dev.airlock.sandbox.LocalSandboxConfig;
import dev.airlock.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Real bubblewrap sandboxes for engine tests. Their workspaces live in a traversable folder under
 * /tmp because, when tests run as root, the sandbox drops to an unprivileged uid that cannot enter
 * JUnit's private temp folders.
 */
final class Sandboxes {
  private Sandboxes() {}

  static Path workspace() throws IOException {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "airlock-test-sandboxes");
    Files.createDirectories(root);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    return root.resolve(UUID.randomUUID().toString());
  }

  static Sandbox open() throws Exception {
    return LocalSandbox.create(LocalSandboxConfig.defaults(), workspace());
  }
}
