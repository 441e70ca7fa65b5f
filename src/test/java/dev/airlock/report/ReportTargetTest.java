package dev.airlock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule both faces follow: a report is never written over a transcript. */
class ReportTargetTest {
  private static final String TRANSCRIPT =
      "{\"type\":\"run_started\",\"turn\":0,\"format\":\"airlock-transcript/1\",\"runId\":\"r\"}\n";

  @TempDir Path dir;

  @Test
  void aTranscriptByContentIsRefusedWhateverItsNameAndLeftAsItWas() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.html"), TRANSCRIPT);

    assertThatThrownBy(() -> ReportFiles.write(file, "<!DOCTYPE html>"))
        .isInstanceOf(ReportTarget.Refused.class)
        .hasMessage(
            file
                + " is a run's transcript: writing the report over it would lose the run; choose"
                + " another file (a .html or .md name)");
    assertThat(Files.readString(file)).isEqualTo(TRANSCRIPT);
  }

  @Test
  void aJsonlNameIsRefusedWithoutReadingAnything() {
    Path file = dir.resolve("Report.JSONL");
    assertThat(ReportTarget.refusalByName(file))
        .isEqualTo(
            file
                + " is named like a run's transcript (.jsonl): a report written there could replace"
                + " a run's record; choose a .html or .md name");
    assertThatThrownBy(() -> ReportFiles.write(file, "# report"))
        .isInstanceOf(ReportTarget.Refused.class);
    assertThat(file).doesNotExist();
  }

  @Test
  void anOldReportOrAnyOtherFileIsReplaced() throws Exception {
    Path html = Files.writeString(dir.resolve("report.html"), "<!DOCTYPE html>old");
    Path md = Files.writeString(dir.resolve("notes.md"), "{\"type\":\"something_else\"}\n");

    ReportFiles.write(html, "new");
    ReportFiles.write(md, "# new");

    assertThat(ReportTarget.refusalByName(html)).isNull();
    assertThat(Files.readString(html)).isEqualTo("new");
    assertThat(Files.readString(md)).isEqualTo("# new");
  }
}
