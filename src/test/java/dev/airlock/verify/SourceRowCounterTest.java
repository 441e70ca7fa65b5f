package dev.airlock.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.source.RawSources;
import dev.airlock.source.SourceException;
import dev.airlock.source.StagedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRowCounterTest {
  @TempDir Path dir;

  @Test
  void countsTheRealFilesAsTheImportReadsThem() throws Exception {
    SourceRowCounter counter = new SourceRowCounter(null);
    Path mcc = VerifyFixture.dabstep("merchant_category_codes.csv");

    assertThat(counter.count(mcc.toUri().toString()).rows()).isEqualTo(769);
    assertThat(counter.count(mcc.toString()).rows()).isEqualTo(769);
    assertThat(
            counter
                .count(VerifyFixture.dabstep("acquirer_countries.csv").toUri().toString())
                .rows())
        .isEqualTo(8);
    assertThat(counter.count(VerifyFixture.dabstep("merchant_data.json").toUri().toString()).sql())
        .contains("read_json([", "union_by_name=true");
  }

  @Test
  void s3SourcesAreStagedThroughTheRawSourcesReader() throws Exception {
    Path staged = Files.writeString(dir.resolve("obj.csv"), "a,b\n1,2\n3,4\n5,6\n");
    List<String> asked = new ArrayList<>();
    RawSources fake =
        uri -> {
          asked.add(uri);
          return staged(uri, staged);
        };

    SourceRowCounter.SourceCount c = new SourceRowCounter(fake).count("s3://bucket/obj.csv");

    assertThat(c.rows()).isEqualTo(3);
    assertThat(c.uri()).isEqualTo("s3://bucket/obj.csv");
    assertThat(asked).containsExactly("s3://bucket/obj.csv");
  }

  @Test
  void unreachableSourcesSayWhyAndWhatToDo() {
    RawSources denied =
        uri -> {
          throw new SourceException("Access denied to s3://bucket/obj.csv: check your credentials");
        };

    assertThatThrownBy(() -> new SourceRowCounter(null).count("s3://bucket/obj.csv"))
        .hasMessageContaining("unreachable")
        .hasMessageContaining("no S3 reader");
    assertThatThrownBy(() -> new SourceRowCounter(denied).count("s3://bucket/obj.csv"))
        .hasMessageContaining("s3://bucket/obj.csv is unreachable: Access denied");
    assertThatThrownBy(() -> new SourceRowCounter(null).count(dir.resolve("gone.csv").toString()))
        .hasMessageContaining("no longer exists");
  }

  @Test
  void aCorruptFileIsReportedAsUnreadable() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.parquet"), "not parquet at all");

    assertThatThrownBy(() -> new SourceRowCounter(null).count(bad.toString()))
        .isInstanceOf(SourceRowCounter.UnreadableSourceException.class)
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("bad.parquet");
  }

  private static StagedFiles staged(String uri, Path file) {
    return new StagedFiles() {
      @Override
      public String uri() {
        return uri;
      }

      @Override
      public List<Path> files() {
        return List.of(file);
      }

      @Override
      public List<String> sourceUris() {
        return List.of(uri);
      }

      @Override
      public void close() {}
    };
  }
}
