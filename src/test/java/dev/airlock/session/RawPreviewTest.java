package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.source.FakeS3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawPreviewTest {
  @TempDir Path tmp;

  private AirlockPaths paths() {
    return new AirlockPaths(tmp.resolve("data"), tmp.resolve("config"));
  }

  @Test
  void aLocalFolderIsListedWithItsFilesAndTotalSize() throws Exception {
    Path raw = Files.createDirectories(tmp.resolve("raw/nested"));
    Files.writeString(tmp.resolve("raw/payments.csv"), "id\n1\n");
    Files.writeString(raw.resolve("fees.json"), "[]");

    RawPreview.Listing listing = RawPreview.list(tmp.resolve("raw").toString(), paths(), Map.of());

    assertThat(listing.files())
        .containsExactly(
            new RawPreview.Item("nested/fees.json", 2), new RawPreview.Item("payments.csv", 5));
    assertThat(listing.bytes()).isEqualTo(7);
    assertThat(listing.truncated()).isFalse();
  }

  @Test
  void aMissingFolderSaysSoAsTheLauncherDoes() {
    Path missing = tmp.resolve("nowhere");
    assertThatThrownBy(() -> RawPreview.list(missing.toString(), paths(), Map.of()))
        .hasMessage(
            missing
                + ": no such file or folder ("
                + missing
                + "); give a folder of data files, a file, or an s3:// location");
    assertThatThrownBy(() -> RawPreview.list("", paths(), Map.of()))
        .hasMessageContaining("the generated demo dataset is made at the first run");
  }

  @Test
  void anS3PrefixIsListedWithoutReadingAnObject() throws Exception {
    try (FakeS3Server s3 = new FakeS3Server()) {
      s3.put("lake", "raw/payments.csv", "id\n1\n2\n");
      s3.put("lake", "raw/2024/fees.parquet", "0123456789");
      s3.put("lake", "other/x.csv", "nope");
      Map<String, String> env =
          Map.of("AIRLOCK_S3_ENDPOINT", s3.endpoint().toString(), "AWS_REGION", "eu-west-1");

      RawPreview.Listing listing = RawPreview.list("s3://lake/raw/**", paths(), env);

      assertThat(listing.files())
          .containsExactly(
              new RawPreview.Item("2024/fees.parquet", 10), new RawPreview.Item("payments.csv", 7));
      assertThat(listing.bytes()).isEqualTo(17);
      assertThat(s3.requests()).noneMatch(r -> r.path().endsWith(".csv"));
      assertThat(RawPreview.list("s3://lake/raw/*.csv", paths(), env).files())
          .containsExactly(new RawPreview.Item("payments.csv", 7));
      assertThatThrownBy(() -> RawPreview.list("s3://missing-bucket/raw/*.csv", paths(), env))
          .isInstanceOf(RawPreview.Unavailable.class)
          .hasMessageContaining("missing-bucket");
      assertThatThrownBy(() -> RawPreview.list("s3://lake/raw/", paths(), env))
          .hasMessageContaining("names no object"); // as a run would say
    }
  }
}
