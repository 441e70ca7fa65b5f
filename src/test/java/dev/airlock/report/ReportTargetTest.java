package dev.airlock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
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
  void aTranscriptIsKnownByItsRecordsNotByTheBytesItsFirstLineStartsWith() throws Exception {
    String later = "{\"type\":\"model_requested\",\"turn\":1,\"model\":\"m\"}\n";
    Map<String, String> transcripts =
        Map.of(
            "keys in another order",
            "{\"format\":\"airlock-transcript/2\",\"runId\":\"r\",\"turn\":0,"
                + "\"type\":\"run_started\"}\n",
            "spaced",
            "{ \"type\" : \"run_started\", \"turn\" : 0, \"runId\" : \"r\" }\n",
            "a byte-order mark, then a blank line",
            "\uFEFF\n\n" + TRANSCRIPT,
            "a damaged first line",
            "{\"type\":\"run_started\",\"turn\":0,\"ru\u0000\u0000garbage\n" + later);
    for (Map.Entry<String, String> t : transcripts.entrySet()) {
      Path file = Files.writeString(dir.resolve("notes.md"), t.getValue());
      assertThatThrownBy(() -> ReportFiles.write(file, "# report"))
          .as(t.getKey())
          .isInstanceOf(ReportTarget.Refused.class);
      assertThat(Files.readString(file)).as(t.getKey()).isEqualTo(t.getValue());
    }
  }

  @Test
  void aTranscriptWhoseFirstRecordIsLongerThanTheHeadReadIsOneStill() throws Exception {
    String transcript =
        "{\"type\":\"run_started\",\"turn\":0,\"settings\":{\"rules\":\""
            + "x".repeat(100_000)
            + "\"}}\n";
    Path file = Files.writeString(dir.resolve("notes.md"), transcript);

    assertThatThrownBy(() -> ReportFiles.write(file, "# report"))
        .isInstanceOf(ReportTarget.Refused.class);
    assertThat(Files.readString(file)).isEqualTo(transcript);
  }

  @Test
  void aPipeOrADeviceIsNeitherWaitedOnNorReplaced() throws Exception {
    Path fifo = dir.resolve("pipe.md");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    // No reader ever opens the pipe: a read or a write would wait here for good.
    assertThatThrownBy(() -> ReportFiles.write(fifo, "# report"))
        .isInstanceOf(IOException.class)
        .hasMessage(fifo + " is a device, a pipe or a socket, not a file");
    assertThat(fifo).matches(p -> readAttributes(p).isOther(), "is still a pipe");
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), fifo); // as /dev/stdout may be
    assertThatThrownBy(() -> ReportFiles.write(link, "# report"))
        .isInstanceOf(IOException.class)
        .hasMessage(link + " is a device, a pipe or a socket, not a file");
    assertThat(Files.isSymbolicLink(link)).isTrue();

    // As root (a container's usual user), the same as /dev/null: a device node of one's own.
    Path device = dir.resolve("null");
    assumeTrue(
        new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().waitFor() == 0,
        "mknod needs root");
    assertThatThrownBy(() -> ReportFiles.write(device, "# report"))
        .isInstanceOf(IOException.class)
        .hasMessage(device + " is a device, a pipe or a socket, not a file");
    assertThat(device).matches(p -> readAttributes(p).isOther(), "is still a device");
  }

  @Test
  void throughALinkTheFileItNamesIsWrittenAndTheLinkKept() throws Exception {
    Path real = Files.writeString(dir.resolve("real.md"), "# old");
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);

    ReportFiles.write(link, "# new");

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("# new");
  }

  private static BasicFileAttributes readAttributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
