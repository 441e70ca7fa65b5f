package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.airlock.agent.Decision;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock export}: Markdown and HTML, to standard output and to a file, and its errors. */
class ExportCommandTest {
  private static final String RUN = "run-20261128-100000-ab12";
  private static final String CODE = "print('<script>alert(1)</script>')\n";

  @TempDir Path dir;
  private Path runs;

  @BeforeEach
  void recordARun() throws Exception {
    runs = Files.createDirectories(dir.resolve("runs"));
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    List<RunEvent> events =
        List.of(
            new RunEvent.RunStarted(
                0,
                t,
                RunEvent.FORMAT,
                RUN,
                "scripted:demo",
                "bubblewrap",
                true,
                "auto",
                3,
                null,
                "run/x",
                null,
                Map.of()),
            new RunEvent.ModelRequested(1, t, "scripted:demo", List.of(ChatMessage.user("task"))),
            new RunEvent.ResponseParsed(
                1, t, ParsedResponse.Kind.PROPOSAL, "thinking <b>", List.of(), CODE, null, null),
            new RunEvent.Decided(
                1, t, Decision.Verdict.APPROVE, "policy:auto", CODE, CODE, "ab", null, null),
            new RunEvent.ExecutionFinished(1, t, "OK", 0, "hello\n", "", 0, 0, null, 5, List.of()),
            new RunEvent.RunFinished(
                0, t, RunStatus.DONE, "claimed done", 1, new Usage(10, 5), 0.001, "run/x", "ok"));
    StringBuilder b = new StringBuilder();
    for (RunEvent e : events) {
      b.append(Json.mapper().writerFor(RunEvent.class).writeValueAsString(e)).append('\n');
    }
    Files.writeString(runs.resolve(RUN + ".jsonl"), b);
  }

  @Test
  void markdownToStandardOutputByRunId() {
    CliRunner.Result r = CliRunner.run("export", RUN, "--runs-dir", runs.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .startsWith("# Airlock run " + RUN)
        .contains("## Turn 1 — ✔ approved, ok")
        .contains("```python\n" + CODE + "```")
        .contains("thinking \\<b\\>")
        .contains("## Outcome — ✔ done");
  }

  @Test
  void htmlToStandardOutputWhenAsked() {
    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "--format", "html");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
  }

  @Test
  void htmlToAFileByTranscriptPathTheFormatFromItsExtension() throws Exception {
    Path out = dir.resolve("report.html");
    Path transcript = runs.resolve(RUN + ".jsonl");
    CliRunner.Result r = CliRunner.run("export", transcript.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrote the html report of " + RUN + " to " + out);
    String html = Files.readString(out);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("print(&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;)")
        .doesNotContain("<script")
        .endsWith("</html>\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("runs", "report.html");
    }
  }

  @Test
  void anExplicitFormatWinsOverTheExtensionAndAFileIsReplacedWhole() throws Exception {
    Path out = dir.resolve("report.htm");
    Files.writeString(out, "an older report, much longer than nothing ".repeat(500));
    CliRunner.Result r =
        CliRunner.run(
            "export", RUN, "--runs-dir", runs.toString(), "-o", out.toString(), "--format", "md");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(out)).startsWith("# Airlock run").doesNotContain("older report");

    assertThat(
            CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", out.toString())
                .exit())
        .isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void anUnknownRunNamesItAndSaysWhereRunsAreListed() {
    CliRunner.Result r = CliRunner.run("export", "run-nope", "--runs-dir", runs.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("airlock export: no transcript at " + runs.resolve("run-nope.jsonl"))
        .contains("airlock runs");
  }

  @Test
  void anUnknownFormatNamesTheFormatsThereAre() {
    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "--format", "pdf");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown report format 'pdf': use md or html");
  }

  @Test
  void aFolderThatDoesNotExistIsNamedAndNothingIsWritten() {
    Path out = dir.resolve("no-such-folder").resolve("report.html");
    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("cannot write the report to " + out)
        .contains("does not exist")
        .contains("leave out -o for standard output");
    assertThat(out.getParent()).doesNotExist();
  }

  @Test
  void aFolderGivenAsTheFileIsNamedAndLeftAsItWas() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("reports"));
    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", folder.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("cannot write the report to " + folder).contains("is a folder");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theTranscriptItselfIsNeverOverwritten() throws Exception {
    Path transcript = runs.resolve(RUN + ".jsonl");
    String before = Files.readString(transcript);
    CliRunner.Result r =
        CliRunner.run("export", transcript.toString(), "-o", transcript.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(transcript + " is a run's transcript").contains("another file");
    assertThat(Files.readString(transcript)).isEqualTo(before);
  }

  @Test
  void anotherRunsTranscriptIsNeverOverwrittenEvenUnderAnotherName() throws Exception {
    Path other = runs.resolve("run-20261128-110000-cd34.jsonl");
    Files.copy(runs.resolve(RUN + ".jsonl"), other);
    String before = Files.readString(other);

    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", other.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith("airlock export: " + other + " is a run's transcript")
        .contains("would lose the run")
        .contains("choose another file");
    assertThat(Files.readString(other)).isEqualTo(before);

    // A transcript renamed (or linked) to a report's name is a transcript still.
    Path renamed = Files.move(other, dir.resolve("looks-like-a.html"));
    r = CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", renamed.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(renamed + " is a run's transcript");
    assertThat(Files.readString(renamed)).isEqualTo(before);
  }

  @Test
  void aTranscriptWhoseFirstRecordListsItsFieldsInAnotherOrderIsNeverOverwrittenByItsOwnReport()
      throws Exception {
    // The same run with each record's keys sorted (as `jq -cS` writes it): still a transcript the
    // export reads, and its "type" is no longer the first key.
    StringBuilder sorted = new StringBuilder();
    for (String line : Files.readAllLines(runs.resolve(RUN + ".jsonl"))) {
      TreeMap<?, ?> fields = Json.mapper().readValue(line, TreeMap.class);
      sorted.append(Json.mapper().writeValueAsString(fields)).append('\n');
    }
    Path copy = Files.writeString(dir.resolve("run-copy.txt"), sorted);
    assertThat(CliRunner.run("export", copy.toString()).exit()).isEqualTo(ExitCodes.OK);

    CliRunner.Result r = CliRunner.run("export", copy.toString(), "-o", copy.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(copy + " is a run's transcript");
    assertThat(Files.readString(copy)).isEqualTo(sorted.toString());
  }

  @Test
  void aNewFileNamedLikeATranscriptIsRefusedNamingTheFix() {
    Path named = runs.resolve("report.jsonl");
    CliRunner.Result r =
        CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", named.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(named + " is named like a run's transcript (.jsonl)")
        .contains("choose a .html or .md name");
    assertThat(named).doesNotExist();
  }

  @Test
  void aFolderThatCannotBeWrittenIsNamedAndLeftAsItWas() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Path out = locked.resolve("report.md");
      CliRunner.Result r =
          CliRunner.run("export", RUN, "--runs-dir", runs.toString(), "-o", out.toString());
      assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).contains("cannot write the report to " + out + " (permission denied)");
      try (Stream<Path> files = Files.list(locked)) {
        assertThat(files).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
