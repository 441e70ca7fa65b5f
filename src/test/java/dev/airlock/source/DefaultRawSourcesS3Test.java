package dev.airlock.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class DefaultRawSourcesS3Test {
  private static final AwsCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  @TempDir Path staging;
  private FakeS3Server s3;
  private DefaultRawSources sources;

  @BeforeEach
  void start() throws Exception {
    s3 = new FakeS3Server();
    sources = sources(KEYS);
  }

  private DefaultRawSources sources(AwsCredentialsProvider credentials) {
    S3Settings settings =
        S3Settings.defaults()
            .withRegion("eu-west-1")
            .withEndpoint(s3.endpoint())
            .withCredentials(credentials);
    return new DefaultRawSources(settings, staging);
  }

  @AfterEach
  void stop() {
    sources.close();
    s3.close();
  }

  @Test
  void stagesOneObjectUnderItsOwnNameAndDeletesItOnClose() throws Exception {
    s3.put("demo", "raw/payments.csv", "psp_reference,merchant\n1,A\n");

    Path file;
    try (StagedFiles staged = sources.stage("s3://demo/raw/payments.csv")) {
      assertThat(staged.uri()).isEqualTo("s3://demo/raw/payments.csv");
      assertThat(staged.sourceUris()).containsExactly("s3://demo/raw/payments.csv");
      assertThat(staged.files()).hasSize(1);
      file = staged.files().get(0);
      assertThat(file).hasFileName("payments.csv").startsWith(staging);
      assertThat(Files.readString(file)).isEqualTo("psp_reference,merchant\n1,A\n");
    }
    assertThat(file).doesNotExist();
    assertThat(staging.toFile().list()).isEmpty();
    // path-style: the bucket is the first path segment on the configured endpoint
    assertThat(s3.requests()).anyMatch(r -> r.path().equals("/demo/raw/payments.csv"));
  }

  @Test
  void aGlobListsEveryPageAndStagesOnlyMatchingKeysInOrder() throws Exception {
    s3.pageSize(2);
    for (String key :
        List.of(
            "raw/c.parquet",
            "raw/a.parquet",
            "raw/b.parquet",
            "raw/notes.csv",
            "raw/2024/d.parquet",
            "other/e.parquet")) {
      s3.put("lake", key, key);
    }

    try (StagedFiles staged = sources.stage("s3://lake/raw/*.parquet")) {
      assertThat(staged.sourceUris())
          .containsExactly(
              "s3://lake/raw/a.parquet", "s3://lake/raw/b.parquet", "s3://lake/raw/c.parquet");
      assertThat(staged.files())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("a.parquet", "b.parquet", "c.parquet");
      assertThat(Files.readString(staged.files().get(1))).isEqualTo("raw/b.parquet");
    }
    List<FakeS3Server.Seen> lists =
        s3.requests().stream().filter(r -> "2".equals(r.query().get("list-type"))).toList();
    assertThat(lists).hasSizeGreaterThanOrEqualTo(2);
    assertThat(lists.get(0).query()).containsEntry("prefix", "raw/");
    assertThat(lists.get(1).query()).containsKey("continuation-token");

    try (StagedFiles deep = sources.stage("s3://lake/raw/**/*.parquet")) {
      assertThat(deep.sourceUris()).hasSize(4).contains("s3://lake/raw/2024/d.parquet");
    }
  }

  @Test
  void keysWithSpacesAndPlusSignsSurviveListingAndDownload() throws Exception {
    s3.put("lake", "raw/march 2023+extra.csv", "a\n");
    s3.put("lake", "raw/empty.csv", "");

    try (StagedFiles staged = sources.stage("s3://lake/raw/*.csv")) {
      assertThat(staged.sourceUris())
          .containsExactly("s3://lake/raw/empty.csv", "s3://lake/raw/march 2023+extra.csv");
      assertThat(staged.files().get(0)).isEmptyFile();
      assertThat(staged.files().get(1)).hasFileName("march 2023+extra.csv").hasContent("a");
    }
  }

  @Test
  void aLargeObjectStreamsToDiskIntact() throws Exception {
    long size = 20L * 1024 * 1024 + 123;
    s3.putGenerated("big", "dumps/payments.csv", size);

    try (StagedFiles staged = sources.stage("s3://big/dumps/payments.csv")) {
      Path file = staged.files().get(0);
      assertThat(Files.size(file)).isEqualTo(size);
      assertThat(sha256(file)).isEqualTo(expectedSha256(size));
    }
  }

  @Test
  void aMissingKeyNamesTheObjectAndSuggestsAGlob() {
    s3.createBucket("demo");

    assertThatThrownBy(() -> sources.stage("s3://demo/raw/missing.csv"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("No S3 object at s3://demo/raw/missing.csv")
        .hasMessageContaining("check the key");
    assertThat(staging.toFile().list()).isEmpty();
  }

  @Test
  void aMissingBucketSaysSoForObjectsAndGlobs() {
    assertThatThrownBy(() -> sources.stage("s3://nope/raw/payments.csv"))
        .hasMessageContaining("bucket 'nope' does not exist")
        .hasMessageContaining(s3.endpoint().toString());
    assertThatThrownBy(() -> sources.stage("s3://nope/raw/*.csv"))
        .hasMessageContaining("bucket 'nope' does not exist");
  }

  @Test
  void accessDeniedSaysHowToGiveCredentials() {
    s3.put("private", "raw/payments.csv", "x");
    s3.deny("private");

    assertThatThrownBy(() -> sources.stage("s3://private/raw/payments.csv"))
        .hasMessageContaining("Access denied to s3://private/raw/payments.csv (AccessDenied)")
        .hasMessageContaining("set AWS_PROFILE / AWS_ACCESS_KEY_ID or check the bucket policy")
        .hasMessageNotContaining("anonymous");
  }

  @Test
  void aGlobThatMatchesNothingSaysWhatWasListed() {
    s3.put("lake", "raw/a.csv", "x");

    assertThatThrownBy(() -> sources.stage("s3://lake/raw/*.parquet"))
        .hasMessageContaining("No objects match s3://lake/raw/*.parquet")
        .hasMessageContaining("1 listed under s3://lake/raw/");
  }

  @Test
  void withoutCredentialsRequestsGoOutAnonymously() throws Exception {
    s3.put("public", "data.csv", "a\n1\n");
    s3.put("locked", "data.csv", "a\n1\n");
    s3.deny("locked");
    AwsCredentialsProvider none =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any provider");
        };
    try (DefaultRawSources anonymous = sources(none)) {
      try (StagedFiles staged = anonymous.stage("s3://public/data.csv")) {
        assertThat(Files.readString(staged.files().get(0))).isEqualTo("a\n1\n");
      }
      assertThatThrownBy(() -> anonymous.stage("s3://locked/data.csv"))
          .hasMessageContaining("no AWS credentials were found, so the request was anonymous");
    }
    assertThat(s3.requests()).isNotEmpty().noneMatch(FakeS3Server.Seen::signed);

    try (StagedFiles signed = sources.stage("s3://public/data.csv")) {
      assertThat(s3.requests().get(s3.requests().size() - 1).signed()).isTrue();
    }
  }

  @Test
  void anUnreachableEndpointIsNamed() throws Exception {
    URI dead = s3.endpoint();
    s3.close();
    try (DefaultRawSources offline =
        new DefaultRawSources(
            S3Settings.defaults().withEndpoint(dead).withCredentials(KEYS), staging)) {
      assertThatThrownBy(() -> offline.stage("s3://demo/a.csv"))
          .hasMessageContaining("Could not reach S3 at " + dead)
          .hasMessageContaining("AIRLOCK_S3_ENDPOINT");
    }
    assertThat(staging.toFile().list()).isEmpty();
  }

  @Test
  void malformedLocationsSayWhatToWrite() {
    assertThatThrownBy(() -> sources.stage("s3://bucket-only"))
        .hasMessageContaining("names no object")
        .hasMessageContaining("s3://bucket-only/*.parquet");
    assertThatThrownBy(() -> sources.stage("s3:///key.csv"))
        .hasMessageContaining("names no bucket");
    assertThatThrownBy(() -> sources.stage("gs://bucket/a.csv"))
        .hasMessageContaining("Unsupported location scheme 'gs'")
        .hasMessageContaining("s3://bucket/key");
    assertThat(s3.requests()).isEmpty();
  }

  @Test
  void dotSegmentsAndEscapesNeverLeaveTheHost() {
    // the SDK sends '..' as it is; a proxy or S3-compatible server that resolves it (path-style)
    // would serve bucket 'other': such keys are refused before any request
    s3.put("other", "x.csv", "secret\n");

    assertThatThrownBy(() -> sources.stage("s3://demo/a/../../other/x.csv"))
        .hasMessageContaining("'..' segment");
    assertThatThrownBy(() -> sources.stage("s3://demo/a/%2e%2e/%2e%2e/other/x.csv"))
        .hasMessageContaining("'%'");
    assertThat(s3.requests()).isEmpty();
  }

  @Test
  void environmentSettingsPickTheEndpointAndPathStyle() {
    S3Settings env =
        S3Settings.fromEnvironment(
            Map.of("AWS_REGION", "eu-central-1", "AIRLOCK_S3_ENDPOINT", "http://localhost:9000"));
    assertThat(env.region()).isEqualTo("eu-central-1");
    assertThat(env.endpoint()).hasToString("http://localhost:9000");
    assertThat(env.pathStyle()).isTrue();
    assertThat(S3Settings.fromEnvironment(Map.of()).endpoint()).isNull();
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String expectedSha256(long size) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (long done = 0; done < size; ) {
      int n = (int) Math.min(buffer.length, size - done);
      FakeS3Server.generated(done, buffer, n);
      digest.update(buffer, 0, n);
      done += n;
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
