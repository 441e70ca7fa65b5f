package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code lakehouse} and {@code verify} open the same lakehouse: with {@code
 * XDG_DATA_HOME} set, a branch made by one command is seen by the others.
 */
class DataHomeTest {
  @TempDir Path dir;

  @Test
  void lakehouseAndVerifyHonourXdgDataHomeAsRunDoes() throws Exception {
    Path data = dir.resolve("data");
    assertThat(airlock(data, "lakehouse", "create-branch", "me.xdg", "main"))
        .contains("Created branch me.xdg");
    assertThat(data.resolve("airlock/lakehouse")).isDirectory();
    assertThat(airlock(data, "lakehouse", "branches")).contains("me.xdg");
    assertThat(airlock(data, "verify", "me.xdg")).doesNotContain("not found");
  }

  private String airlock(Path data, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve("airlock.log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("XDG_DATA_HOME", data.toString());
    pb.environment().put("HOME", dir.resolve("home").toString());
    Process p = pb.start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
