package dev.airlock.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRawSourcesLocalTest {
  @TempDir Path data;
  @TempDir Path staging;
  private DefaultRawSources sources;

  @BeforeEach
  void files() throws Exception {
    sources = new DefaultRawSources(S3Settings.defaults(), staging);
    for (String name :
        List.of(
            "payments.csv",
            "fees.json",
            "part-1.parquet",
            "part-2.parquet",
            "part-10.parquet",
            "2023/jan/part-3.parquet",
            "2023/feb/notes.txt")) {
      Path file = data.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, name);
    }
  }

  @Test
  void aPlainPathIsUsedInPlaceAndSurvivesClose() throws Exception {
    Path payments = data.resolve("payments.csv");
    try (StagedFiles staged = sources.stage(payments.toString())) {
      assertThat(staged.files()).containsExactly(payments);
      assertThat(staged.sourceUris()).containsExactly(payments.toUri().toString());
    }
    assertThat(payments).exists().hasContent("payments.csv");
    assertThat(staging.toFile().list()).isEmpty();
  }

  @Test
  void fileUrisWork() throws Exception {
    try (StagedFiles staged = sources.stage(data.resolve("fees.json").toUri().toString())) {
      assertThat(staged.files()).containsExactly(data.resolve("fees.json"));
    }
    try (StagedFiles staged = sources.stage("file://" + data + "/part-?.parquet")) {
      assertThat(staged.files())
          .containsExactly(data.resolve("part-1.parquet"), data.resolve("part-2.parquet"));
    }
  }

  @Test
  void starAndQuestionMarkStayInOneFolderAndDoubleStarCrossesFolders() throws Exception {
    try (StagedFiles star = sources.stage(data + "/*.parquet")) {
      assertThat(star.files())
          .extracting(p -> data.relativize(p).toString())
          .containsExactly("part-1.parquet", "part-10.parquet", "part-2.parquet");
    }
    try (StagedFiles deep = sources.stage(data + "/**/*.parquet")) {
      assertThat(deep.files())
          .extracting(p -> data.relativize(p).toString())
          .containsExactly(
              "2023/jan/part-3.parquet", "part-1.parquet", "part-10.parquet", "part-2.parquet");
    }
    try (StagedFiles middle = sources.stage(data + "/2023/*/*")) {
      assertThat(middle.files()).hasSize(2);
    }
    try (StagedFiles range = sources.stage(data + "/part-[12].parquet")) {
      assertThat(range.files()).hasSize(2);
    }
  }

  @Test
  void aMissingFileNamesItsAbsolutePath() {
    assertThatThrownBy(() -> sources.stage(data.resolve("missing.csv").toString()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("No file at " + data.resolve("missing.csv"))
        .hasMessageContaining("check the path");
  }

  @Test
  void aGlobWithNoMatchOrNoFolderSaysSo() {
    assertThatThrownBy(() -> sources.stage(data + "/*.avro"))
        .hasMessageContaining("No files match '" + data + "/*.avro'")
        .hasMessageContaining("** crosses folders");
    assertThatThrownBy(() -> sources.stage(data + "/nowhere/*.csv"))
        .hasMessageContaining("No folder " + data.resolve("nowhere"));
  }

  @Test
  void aFolderAsksForAGlob() {
    assertThatThrownBy(() -> sources.stage(data.toString()))
        .hasMessageContaining("is a folder")
        .hasMessageContaining(data + "/*.parquet");
  }

  @Test
  void emptyLocationsAreRefused() {
    assertThatThrownBy(() -> sources.stage("  ")).hasMessageContaining("No raw-data location");
  }
}
