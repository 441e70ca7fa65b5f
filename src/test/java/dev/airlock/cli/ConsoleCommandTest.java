package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `airlock console` refuses what cannot work before it opens a window, and says why. */
class ConsoleCommandTest {
  @TempDir Path tmp;

  @Test
  void aBadRunOptionIsRefusedUnderItsFlagAndNoWindowOpens() {
    CliRunner.Result r =
        CliRunner.run(
            "console",
            "--max-turns",
            "0",
            "--home",
            tmp.resolve("home").toString(),
            "--runs-dir",
            tmp.resolve("runs").toString());

    // Returning at all shows no window opened: the console returns only when its window closes.
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("airlock console: --max-turns: ").contains("at least 1, not 0");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void withoutADisplayTheConsoleSaysWhereToRunItAndExits() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "console",
            "--home",
            tmp.resolve("home").toString(),
            "--runs-dir",
            tmp.resolve("runs").toString());
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("airlock console without a display did not exit");
    }

    String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err)
        .startsWith("airlock console: no display to open a window on")
        .contains("xvfb-run -a")
        .contains("airlock run");
    assertThat(tmp.resolve("home")).doesNotExist();
  }

  @Test
  void aDisplayIsNamedInTheEnvironmentExceptOnWindowsAndMac() {
    assertThat(Display.available("Linux", Map.of())).isFalse();
    assertThat(Display.available("Linux", Map.of("DISPLAY", " "))).isFalse();
    assertThat(Display.available("Linux", Map.of("DISPLAY", ":99"))).isTrue();
    assertThat(Display.available("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
    assertThat(Display.available("FreeBSD", Map.of("HOME", "/home/a"))).isFalse();
    for (String os : List.of("Windows 11", "Mac OS X")) {
      assertThat(Display.available(os, Map.of())).as(os).isTrue();
    }
  }
}
