package dev.airlock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Interpreters the tests may use beyond the sandbox's default {@code /usr/bin/python3}. */
public final class TestPythons {
  private TestPythons() {}

  /**
   * The interpreter named by {@code AIRLOCK_TEST_PYTHON} (or {@code -Dairlock.test.python}) if it
   * imports pyarrow; else null, and the real-pyarrow tests are skipped.
   */
  public static String withPyarrow() throws Exception {
    String python = System.getProperty("airlock.test.python", System.getenv("AIRLOCK_TEST_PYTHON"));
    if (python == null || python.isBlank() || !Files.isExecutable(Path.of(python))) {
      return null;
    }
    Process check = new ProcessBuilder(python, "-c", "import pyarrow").start();
    return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0 ? python : null;
  }
}
