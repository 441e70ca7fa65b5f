package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code airlock run --python PATH}: the agent's code runs with the interpreter the person chose.
 */
class ChosenPythonRunTest {
  @TempDir Path dir;

  private CliRunner.Result run(String... extra) throws Exception {
    return runCode(
        "import sys\nprint('prefix:', sys.prefix)\n"
            + "import venv_marker\nprint('marker:', venv_marker.WHO)",
        extra);
  }

  private CliRunner.Result runCode(String code, String... extra) throws Exception {
    Path script = dir.resolve("script.json");
    Files.writeString(
        script,
        Json.mapper()
            .writeValueAsString(
                List.of(
                    "<reasoning>which python?</reasoning><code>" + code + "</code>",
                    "<reasoning>saw it</reasoning><done>printed the prefix</done>")));
    String[] base = {
      "run",
      "--model",
      "scripted:" + script,
      "--approve",
      "auto",
      "--merge",
      "never",
      "--raw",
      "s3://airlock-test/raw/",
      "--home",
      dir.resolve("home").toString(),
      "--runs-dir",
      dir.resolve("runs").toString(),
      "--max-turns",
      "2"
    };
    return CliRunner.run(base, extra);
  }

  /** A plain virtual environment (no download) with one module only it has. */
  private Path venv() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path venv = dir.resolve("venv");
    Process make =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-m",
                "venv",
                "--system-site-packages",
                "--without-pip",
                venv.toString())
            .inheritIO()
            .start();
    assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(make.exitValue()).isZero();
    try (Stream<Path> lib = Files.list(venv.resolve("lib"))) {
      Path sitePackages = lib.findFirst().orElseThrow().resolve("site-packages");
      Files.writeString(sitePackages.resolve("venv_marker.py"), "WHO = 'the chosen venv'\n");
    }
    return venv;
  }

  @Test
  void theCodeRunsWithTheChosenVirtualEnvironment() throws Exception {
    Path venv = venv();

    CliRunner.Result r = run("--python", venv.resolve("bin/python").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("prefix: /opt/airlock/venv", "marker: the chosen venv");
    assertThat(r.out()).contains("sandbox: bubblewrap", venv.resolve("bin/python") + " 3.");
  }

  /**
   * A virtual environment made in a project folder ({@code python -m venv .}) sits beside the
   * project's files: binding its whole folder showed the code the project's {@code .env}.
   */
  @Test
  void filesBesideTheEnvironmentStayOutOfTheSandbox() throws Exception {
    Path venv = venv();
    Files.writeString(venv.resolve(".env"), "OPENAI_API_KEY=sk-project-secret\n");
    Files.createDirectories(venv.resolve("src"));
    Files.writeString(venv.resolve("src/settings.py"), "TOKEN = 'sk-project-secret'\n");

    CliRunner.Result r =
        runCode(
            String.join(
                "\n",
                "import os",
                "print('listing:', sorted(os.listdir('/opt/airlock/venv')))",
                "for p in ['/opt/airlock/venv/.env', '/opt/airlock/venv/src/settings.py']:",
                "    try:",
                "        print(open(p).read())",
                "    except OSError:",
                "        print('unreadable:', p)",
                "import venv_marker",
                "print('marker:', venv_marker.WHO)"),
            "--python",
            venv.resolve("bin/python").toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "marker: the chosen venv",
            "unreadable: /opt/airlock/venv/.env",
            "unreadable: /opt/airlock/venv/src/settings.py");
    assertThat(r.out()).doesNotContain("sk-project-secret", "'.env'", "'src'");
  }

  @Test
  void withoutItTheSystemPythonRunsTheCode() throws Exception {
    CliRunner.Result r = run();

    assertThat(r.out()).contains("prefix: /usr", "No module named 'venv_marker'");
  }

  @Test
  void aPathThatIsNoPythonIsRefusedBeforeTheRunStarts() throws Exception {
    Path text = Files.writeString(dir.resolve("python"), "not a python\n");
    Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rwxr-xr-x"));

    for (String bad :
        List.of(dir.resolve("missing/bin/python").toString(), "/bin/ls", text.toString())) {
      CliRunner.Result r = run("--python", bad);

      assertThat(r.exit()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(bad).contains("--python: the Python interpreter " + bad);
      assertThat(r.err())
          .as(bad)
          .containsAnyOf("no executable file there", "is not a Python 3 interpreter");
    }
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void aVirtualEnvironmentsFolderIsAnsweredWithItsInterpreter() throws Exception {
    Path venv = venv();

    CliRunner.Result r = run("--python", venv.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("is a folder: give its interpreter, " + venv.resolve("bin/python"));
  }
}
