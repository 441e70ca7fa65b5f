package dev.airlock.lakehouse.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Copies Airlock's {@code bauplan} Python package out of the jar into a folder the sandbox binds
 * read-only and puts on {@code PYTHONPATH}. The package is standard library only, so nothing else
 * needs installing.
 */
public final class PythonClientInstaller {
  /** The variable the Python client reads the socket path from. */
  public static final String ENV_SOCKET = "AIRLOCK_GATEWAY";

  /**
   * Sandbox folders (colon-separated) whose files the host reads itself, such as the read-only
   * {@code /raw}: the client names these paths; any other local file it reads and uploads.
   */
  public static final String ENV_HOST_SOURCES = "AIRLOCK_HOST_SOURCES";

  /** Every file of the package; a test checks this list against the resource folder. */
  static final List<String> FILES =
      List.of(
          "__init__.py",
          "_client.py",
          "_gateway.py",
          "_sources.py",
          "_table.py",
          "exceptions.py",
          "schema.py",
          "state.py");

  private static final String RESOURCE_ROOT = "/dev/airlock/python/bauplan/";

  private final Class<?> anchor;

  public PythonClientInstaller() {
    this.anchor = PythonClientInstaller.class;
  }

  /**
   * Writes {@code folder/bauplan/*.py} (replacing an older copy) and returns {@code folder}: the
   * entry to put on the sandbox's {@code PYTHONPATH}.
   */
  public Path install(Path folder) throws IOException {
    Path packageDir = folder.resolve("bauplan");
    Files.createDirectories(packageDir);
    for (String file : FILES) {
      try (InputStream in = anchor.getResourceAsStream(RESOURCE_ROOT + file)) {
        if (in == null) {
          throw new IOException("The bauplan Python package is incomplete in this build: "
              + RESOURCE_ROOT + file + " is missing from the classpath; rebuild Airlock.");
        }
        Files.copy(in, packageDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return folder;
  }

  /**
   * The environment the sandboxed code needs, with paths as the sandbox sees them: the socket
   * inside the bound gateway directory, and the folder holding {@code bauplan/}.
   */
  public static Map<String, String> sandboxEnvironment(Path socketInSandbox, Path clientFolderInSandbox) {
    return Map.of(
        ENV_SOCKET, socketInSandbox.toString(),
        "PYTHONPATH", clientFolderInSandbox.toString());
  }
}
