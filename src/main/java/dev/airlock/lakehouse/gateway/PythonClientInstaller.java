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
 *
 * <p>Beside it, in {@code stand-ins/}, goes a stand-in {@code pyarrow} package (the subset of
 * pyarrow that query results offer). It goes on the path <em>last</em> ({@link
 * #ENV_FALLBACK_PATH}), after the interpreter's own packages, so a real pyarrow always wins over
 * it.
 */
public final class PythonClientInstaller {
  /** The variable the Python client reads the socket path from. */
  public static final String ENV_SOCKET = "AIRLOCK_GATEWAY";

  /**
   * The variable whose folders the sandbox's bootstrap appends to {@code sys.path} (after
   * site-packages), unlike PYTHONPATH's, which come first.
   */
  public static final String ENV_FALLBACK_PATH = "AIRLOCK_FALLBACK_PATH";

  /** The folder, inside the installed one, holding stand-ins for packages the sandbox may lack. */
  public static final String STAND_INS = "stand-ins";

  /** Every stand-in file, relative to {@link #STAND_INS}. */
  static final List<String> STAND_IN_FILES = List.of("pyarrow/__init__.py");

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
  private static final String STAND_IN_ROOT = "/dev/airlock/python/stand-ins/";

  private final Class<?> anchor;

  public PythonClientInstaller() {
    this.anchor = PythonClientInstaller.class;
  }

  /**
   * Writes {@code folder/bauplan/*.py} and {@code folder/stand-ins/} (replacing an older copy) and
   * returns {@code folder}: the entry to put on the sandbox's {@code PYTHONPATH}.
   */
  public Path install(Path folder) throws IOException {
    for (String file : FILES) {
      copy(RESOURCE_ROOT + file, folder.resolve("bauplan").resolve(file));
    }
    for (String file : STAND_IN_FILES) {
      copy(STAND_IN_ROOT + file, folder.resolve(STAND_INS).resolve(file));
    }
    return folder;
  }

  private void copy(String resource, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(
            "The bauplan Python package is incomplete in this build: "
                + resource
                + " is missing from the classpath; rebuild Airlock.");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The environment the sandboxed code needs, with paths as the sandbox sees them: the socket
   * inside the bound gateway directory, the folder holding {@code bauplan/}, and the stand-ins
   * (last on the path).
   */
  public static Map<String, String> sandboxEnvironment(
      Path socketInSandbox, Path clientFolderInSandbox) {
    return Map.of(
        ENV_SOCKET,
        socketInSandbox.toString(),
        "PYTHONPATH",
        clientFolderInSandbox.toString(),
        ENV_FALLBACK_PATH,
        clientFolderInSandbox.resolve(STAND_INS).toString());
  }
}
