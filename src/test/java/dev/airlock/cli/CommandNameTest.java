package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands Airlock suggests are written the way the user started it, and the launcher works.
 */
class CommandNameTest {
  @TempDir Path dir;

  @AfterEach
  void forgetTheLauncher() {
    System.clearProperty(CommandName.PROPERTY);
  }

  @Test
  void startedByTheLauncherEverySuggestedCommandUsesItsPath() {
    System.setProperty(CommandName.PROPERTY, "target/airlock");

    CliRunner.Result runs = CliRunner.run("runs", "--runs-dir", dir.resolve("none").toString());
    CliRunner.Result missing =
        CliRunner.run("lakehouse", "--home", dir.resolve("lake").toString(), "tables", "nope");
    CliRunner.Result help = CliRunner.run("lakehouse", "tables", "--help");

    assertThat(runs.out()).contains("Start one with `target/airlock run`.");
    assertThat(missing.err())
        .contains("list branches with `target/airlock lakehouse branches`")
        .doesNotContain("`airlock ");
    assertThat(help.out()).startsWith("Usage: target/airlock lakehouse tables");
  }

  @Test
  void aPathWithSpacesIsQuotedSoTheCommandCanBePasted() {
    System.setProperty(CommandName.PROPERTY, "/opt/my tools/airlock");

    assertThat(CommandName.of("runs")).isEqualTo("'/opt/my tools/airlock' runs");
  }

  @Test
  void theLauncherRunsTheJarBesideItsRealLocationAndSaysHowItWasCalled() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("build"));
    Path launcher = bin.resolve("airlock");
    Files.copy(Path.of("packaging/launcher/airlock"), launcher);
    Path java = bin.resolve("fake-java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(dir.resolve("bin")).resolve("airlock"), launcher);

    List<String> direct = launch(launcher, java, "runs", "--runs-dir", "my runs");
    List<String> linked = launch(link, java, "lakehouse", "branches");

    // No class-data-sharing archive yet: the launcher says where a console start would put it.
    String pending = "-Dairlock.cds.pending=" + bin.resolve("airlock.jsa");
    // Short commands run with the quick compiler alone.
    String quick = "-XX:TieredStopAtLevel=1";
    assertThat(direct)
        .containsExactly(
            quick,
            pending,
            "-Dairlock.command=" + launcher,
            "-Dairlock.launcher=" + launcher,
            "-jar",
            bin.resolve("airlock.jar").toString(),
            "runs",
            "--runs-dir",
            "my runs");
    assertThat(linked)
        .containsExactly(
            quick,
            pending,
            "-Dairlock.command=" + link,
            "-Dairlock.launcher=" + launcher,
            "-jar",
            bin.resolve("airlock.jar").toString(),
            "lakehouse",
            "branches");
  }

  @Test
  void theFirstConsoleStartWritesTheClassSharingArchiveAndLaterStartsMapIt() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("build"));
    Path launcher = bin.resolve("airlock");
    Files.copy(Path.of("packaging/launcher/airlock"), launcher);
    Path java = bin.resolve("fake-java");
    // Echoes its arguments and, like a JVM exiting, writes the archive it was asked for.
    Files.writeString(
        java,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; case \"$a\" in"
            + " -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";; esac; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path archive = bin.resolve("airlock.jsa");

    List<String> first = launch(launcher, java, "console");
    assertThat(first.get(0)).startsWith("-XX:ArchiveClassesAtExit=" + archive + ".");
    assertThat(archive).hasContent("archive");
    assertThat(bin.toFile().list())
        .containsExactlyInAnyOrder("airlock", "fake-java", "airlock.jsa");

    List<String> later = launch(launcher, java, "runs");
    assertThat(later).startsWith("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + archive);
    assertThat(later).contains("-Dairlock.cds.archive=" + archive).endsWith("runs");
  }

  @Test
  void commandsMapTheBuildsArchiveAndConsoleStartsKeepTheirOwn() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("build"));
    Path launcher = bin.resolve("airlock");
    Files.copy(Path.of("packaging/launcher/airlock"), launcher);
    Path java = bin.resolve("fake-java");
    Files.writeString(
        java,
        "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; case \"$a\" in"
            + " -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";; esac; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.writeString(bin.resolve("airlock.jar"), "jar");
    Path commands = Files.writeString(bin.resolve("airlock-commands.jsa"), "built");
    Path console = bin.resolve("airlock.jsa");

    assertThat(launch(launcher, java, "--version"))
        .startsWith("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + commands)
        .endsWith("-jar", jar.toString(), "--version");
    // The build's archive holds no JavaFX: the first console start still writes its own.
    assertThat(launch(launcher, java, "console").get(0))
        .startsWith("-XX:ArchiveClassesAtExit=" + console + ".");
    assertThat(console).hasContent("archive");
    assertThat(launch(launcher, java, "console")).startsWith("-XX:SharedArchiveFile=" + console);
    assertThat(launch(launcher, java, "lakehouse", "branches"))
        .startsWith("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + commands);
    // A long command keeps the optimising compiler.
    assertThat(launch(launcher, java, "run", "--demo"))
        .startsWith("-XX:SharedArchiveFile=" + commands)
        .doesNotContain("-XX:TieredStopAtLevel=1");

    // A jar built after the archive: the archive is stale and not mapped.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Files.delete(console);
    assertThat(launch(launcher, java, "lakehouse", "branches"))
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
  }

  private static List<String> launch(Path launcher, Path java, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("JAVA", java.toString());
    pb.environment().remove("AIRLOCK_JAVA_OPTS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().toList();
  }
}
