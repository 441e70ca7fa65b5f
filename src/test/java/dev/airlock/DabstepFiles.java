package dev.airlock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The real DABStep files the tests use, committed under {@code src/test/resources/dabstep/} (see
 * the README there for their source and licence). Resolved from the test classpath so that no test
 * reads anything outside the repository.
 */
public final class DabstepFiles {
  private DabstepFiles() {}

  /** The folder that holds the files. */
  public static Path folder() {
    URL readme = DabstepFiles.class.getResource("/dabstep/README.md");
    if (readme == null) {
      throw new IllegalStateException(
          "dabstep/README.md is not on the test classpath: "
              + "src/test/resources/dabstep/ is missing from this checkout");
    }
    try {
      return Path.of(readme.toURI()).getParent().toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One file by name, e.g. {@code fees.json}; fails if the project does not hold it. */
  public static Path file(String name) {
    Path file = folder().resolve(name).normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no DABStep fixture " + name + " in " + folder());
    }
    return file;
  }

  /** The 21 column names of the real payments.csv, from its first line. */
  public static List<String> paymentsHeader() {
    try {
      String header = Files.readAllLines(file("payments-head.csv")).get(0);
      return Arrays.asList(header.split(","));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
