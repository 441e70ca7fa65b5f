package dev.airlock.ui.settings;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.airlock.agent.ApprovalPolicy;
import dev.airlock.agent.MergePolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  @TempDir Path config;

  @Test
  void aPasswordInAUrlIsNeverWrittenToTheFile() throws Exception {
    SettingsFile file = new SettingsFile(config);
    NewRunChoices last =
        new NewRunChoices(
            NewRunChoices.TaskKind.PACKAGED,
            null,
            "s3://AKIAEXAMPLE:s3cr3t-raw@bucket/raw/",
            "openai:gpt-4o",
            "https://user:sk-live-abc@proxy.example/v1",
            null,
            "ask",
            "ask",
            8,
            300,
            null,
            null,
            null);
    ConsoleSettings d = ConsoleSettings.defaults();
    file.save(
        new ConsoleSettings(
            d.approval(),
            d.merge(),
            d.execTimeoutSeconds(),
            d.outputBudget(),
            "https://me:p@ss@files.example/raw/",
            null,
            null,
            false,
            d.fontSize(),
            last));

    String text = Files.readString(file.path());
    assertThat(text).doesNotContain("sk-live-abc", "s3cr3t-raw", "p@ss", "AKIAEXAMPLE");
    ConsoleSettings read = file.load().settings();
    assertThat(read.lastRun().baseUrl()).isEqualTo("https://proxy.example/v1");
    assertThat(read.lastRun().raw()).isEqualTo("s3://bucket/raw/");
    assertThat(read.rawDefault()).isEqualTo("https://files.example/raw/");
    assertThat(SettingsJson.withoutUserInfo("/data/raw@2026")).isEqualTo("/data/raw@2026");
    assertThat(SettingsJson.withoutUserInfo("http://h/a@b")).isEqualTo("http://h/a@b");
  }

  @Test
  void noFileMeansTheDefaultsAndNothingToSay() {
    SettingsFile.Loaded loaded = new SettingsFile(config).load();
    assertThat(loaded.settings()).isEqualTo(ConsoleSettings.defaults());
    assertThat(loaded.problem()).isNull();
  }

  @Test
  void whatIsSavedIsReadBackAndNoTemporaryFileStays() throws Exception {
    SettingsFile file = new SettingsFile(config.resolve("airlock"));
    NewRunChoices last =
        new NewRunChoices(
            NewRunChoices.TaskKind.FILE,
            "/tmp/task.md",
            "s3://bucket/raw/",
            "together:meta-llama/Llama-3.3-70B-Instruct-Turbo",
            null,
            "0.88/0.88",
            "risky",
            "auto-if-green",
            5,
            120,
            200_000L,
            0.5,
            30L);
    ConsoleSettings settings =
        new ConsoleSettings(
            ApprovalPolicy.AUTO_WHILE_GREEN,
            MergePolicy.NEVER,
            60,
            4000,
            "/data/raw",
            Path.of("/data/lake"),
            Path.of("/data/runs"),
            true,
            15,
            last);

    file.save(settings);

    assertThat(new SettingsFile(config.resolve("airlock")).load())
        .isEqualTo(new SettingsFile.Loaded(settings, null));
    try (var files = Files.list(config.resolve("airlock"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("console.json");
    }
  }

  @Test
  void aCorruptFileIsKeptAsideAndTheConsoleStartsWithTheDefaults() throws Exception {
    Path json = config.resolve("console.json");
    Files.writeString(json, "{\"theme\": \"dark\", ");

    SettingsFile.Loaded loaded = new SettingsFile(config).load();

    assertThat(loaded.settings()).isEqualTo(ConsoleSettings.defaults());
    assertThat(loaded.problem())
        .startsWith(json + " could not be used: it is not valid JSON")
        .endsWith("the console started with the defaults and it is kept as " + json + ".bad");
    assertThat(json).doesNotExist();
    assertThat(config.resolve("console.json.bad")).hasContent("{\"theme\": \"dark\", ");
    assertThat(new SettingsFile(config).load().problem()).isNull(); // said once
  }

  @Test
  void aPipeOrADeviceInPlaceOfTheFileNeverHoldsTheConsoleBack() throws Exception {
    Path json = config.resolve("console.json");
    Path task = config.resolve("new-run-task.md");
    assertThat(new ProcessBuilder("mkfifo", json.toString(), task.toString()).start().waitFor())
        .isZero();
    SettingsFile file = new SettingsFile(config);

    // A pipe with no writer blocks its reader for ever: the read would never return.
    SettingsFile.Loaded loaded =
        assertTimeoutPreemptively(Duration.ofSeconds(60), file::load, "reading a pipe");
    assertThat(loaded.settings()).isEqualTo(ConsoleSettings.defaults());
    assertThat(loaded.problem())
        .isEqualTo(
            json
                + " could not be used: it is not a regular file (a pipe, a socket or a device);"
                + " the console uses the defaults");
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(60), file::readFreeText)).isEmpty();

    Files.delete(json);
    Files.createSymbolicLink(json, Path.of("/dev/zero")); // never ends
    loaded = assertTimeoutPreemptively(Duration.ofSeconds(60), file::load, "reading /dev/zero");
    assertThat(loaded.problem()).contains("it is not a regular file");
    assertThat(json).isSymbolicLink(); // left as it was

    Files.delete(json);
    Files.createDirectory(json);
    assertThat(file.load().problem()).contains("it is a folder, not a file");
  }

  @Test
  void aFileTooLargeNotUtf8OrUnreadableIsKeptAsideNotWrittenOver() throws Exception {
    Path json = config.resolve("console.json");
    byte[] large = new byte[SettingsFile.MAX_BYTES + 1];
    Arrays.fill(large, (byte) ' ');
    Files.write(json, large);
    SettingsFile file = new SettingsFile(config);
    assertThat(file.load().problem()).contains("could not be used: it is larger than 1 MB");
    assertThat(config.resolve("console.json.bad")).hasSize(large.length);

    byte[] latin1 = "{\"raw_default\": \"/data/caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(json, latin1);
    assertThat(file.load().problem()).contains("could not be used: it is not UTF-8 text");
    assertThat(config.resolve("console.json.bad")).hasBinaryContent(latin1);

    Files.writeString(json, "{\"theme\": \"dark\"}");
    Files.setPosixFilePermissions(json, Set.of());
    assumeFalse(Files.isReadable(json), "running as root: every file is readable");
    SettingsFile.Loaded loaded = file.load();
    assertThat(loaded.problem())
        .contains("could not be used: it cannot be read (AccessDeniedException)")
        .endsWith("it is kept as " + json + ".bad");
    // The next save writes a new file, not over the one nobody could read.
    file.save(ConsoleSettings.defaults());
    Files.setPosixFilePermissions(config.resolve("console.json.bad"), Set.of(OWNER_READ));
    assertThat(config.resolve("console.json.bad")).hasContent("{\"theme\": \"dark\"}");
  }

  @Test
  void aMessageRepeatsAValueShortAndWithoutControlOrDirectionCharacters() throws Exception {
    String huge = "x".repeat(500_000);
    assertThat(problem("{\"theme\": \"" + huge + "\"}")).hasSizeLessThan(1_000);
    assertThat(problem("{\"theme\": [" + "1,".repeat(100_000) + "1]}")).hasSizeLessThan(1_000);
    assertThat(problem("{\"theme\": \"\u202edark\\u001b[2J\"}"))
        .contains("not '\\u202edark\\u001b[2J'")
        .doesNotContain("\u202e", "\u001b");
    assertThat(problem("{\"font_size\": 1e9}")).contains("font_size must be a whole number");
    assertThat(problem("{\"font_size\": 1000000000}"))
        .contains("font size must be between 9 and 24 pixels");
    assertThat(problem("{\"theme\": \"../../x.css\"}"))
        .contains("the theme must be light or dark, not '../../x.css'");
    assertThat(problem("{\"runs_dir\": \"/tmp/a\\u0000b\"}"))
        .contains("runs_dir is not a usable path")
        .doesNotContain("\u0000");
  }

  @Test
  void everyValueIsCheckedWithTheRunsOwnRules() throws Exception {
    assertThat(problem("{\"exec_timeout_s\": 0}"))
        .contains("exec_timeout_s: the execution timeout must be at least 1 second, not 0 seconds");
    assertThat(problem("{\"output_budget\": 10}"))
        .contains(
            "output_budget: the output shown to the model must be at least 200 characters per"
                + " stream, not 10");
    assertThat(problem("{\"approval\": \"sometimes\"}"))
        .contains(
            "approval: the approval policy must be ask, risky, auto-while-green or auto, not"
                + " 'sometimes'");
    assertThat(problem("{\"font_size\": 80}"))
        .contains("font_size: the font size must be between 9 and 24 pixels, not 80");
    assertThat(problem("{\"theme\": \"sepia\"}")).contains("the theme must be light or dark");
    assertThat(problem("{\"runs_dir\": \"runs\"}"))
        .contains("runs_dir must be an absolute path such as /data/airlock, not 'runs'");
    assertThat(problem("{\"last_run\": {\"max_turns\": 0}}"))
        .contains("last_run.max_turns: the turn cap must be at least 1, not 0");
    assertThat(problem("{\"last_run\": {\"budget_usd\": -1}}"))
        .contains("the US dollar budget must be a positive amount such as 0.50, not -1.0");
    assertThat(problem("{\"font_size\": \"big\"}")).contains("font_size must be a whole number");
    assertThat(problem("[1, 2]")).contains("it holds array, not an object");
  }

  @Test
  void missingFieldsTakeTheirDefaults() throws Exception {
    Files.writeString(config.resolve("console.json"), "{\"theme\": \"dark\"}");
    SettingsFile.Loaded loaded = new SettingsFile(config).load();
    assertThat(loaded.problem()).isNull();
    assertThat(loaded.settings()).isEqualTo(ConsoleSettings.defaults().withDark(true));
  }

  private String problem(String json) throws Exception {
    Files.writeString(config.resolve("console.json"), json);
    SettingsFile.Loaded loaded = new SettingsFile(config).load();
    assertThat(loaded.settings()).isEqualTo(ConsoleSettings.defaults());
    assertThat(config.resolve("console.json.bad")).hasContent(json);
    return loaded.problem();
  }
}
