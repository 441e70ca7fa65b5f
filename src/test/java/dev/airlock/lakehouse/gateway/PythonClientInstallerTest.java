package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package the sandbox imports is complete and importable with nothing but the stdlib. */
class PythonClientInstallerTest {
  @TempDir Path temp;

  @Test
  void installsEveryFileOfThePackage() throws Exception {
    Path source = Path.of("src/main/resources/dev/airlock/python/bauplan");
    try (Stream<Path> files = Files.list(source)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")))
          .containsExactlyInAnyOrderElementsOf(PythonClientInstaller.FILES);
    }

    Path folder = new PythonClientInstaller().install(temp.resolve("lib"));

    for (String file : PythonClientInstaller.FILES) {
      assertThat(folder.resolve("bauplan").resolve(file))
          .hasSameTextualContentAs(source.resolve(file));
    }
  }

  @Test
  void thePackageImportsWithTheStandardLibraryOnly() throws Exception {
    Path folder = new PythonClientInstaller().install(temp.resolve("lib"));
    ProcessBuilder builder =
        new ProcessBuilder(
            PythonHarness.PYTHON,
            "-B",
            "-S",
            "-c",
            "import bauplan, bauplan.exceptions, bauplan.schema, bauplan.state; "
                + "print(sorted(bauplan.__all__) == sorted(n for n in bauplan.__all__ "
                + "if hasattr(bauplan, n)))");
    builder.environment().clear();
    builder.environment().put("PYTHONPATH", folder.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).as(out).isZero();
    assertThat(out.strip()).isEqualTo("True");
  }
}
