package dev.airlock.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Stages raw data from {@code s3://} (AWS or an S3-compatible store), {@code file://} and plain
 * paths. Local files are used in place; S3 objects stream into a fresh folder under the staging
 * root, deleted when the {@link StagedFiles} closes. The S3 client is built on first use, so
 * local-only work never touches AWS configuration. Close this to release the client.
 */
public final class DefaultRawSources implements RawSources, AutoCloseable {
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

  private final S3Settings settings;
  private final Path stagingRoot;
  private S3Files s3Files;
  private S3Client s3Client;

  /**
   * Settings from the environment ({@link S3Settings#fromEnvironment}), staging in the temp dir.
   */
  public DefaultRawSources() {
    this(
        S3Settings.fromEnvironment(System.getenv()),
        Path.of(System.getProperty("java.io.tmpdir"), "airlock-staging"));
  }

  /**
   * @param settings how to reach S3
   * @param stagingRoot where downloaded objects go (one new sub-folder per {@link #stage} call)
   */
  public DefaultRawSources(S3Settings settings, Path stagingRoot) {
    this.settings = settings;
    this.stagingRoot = stagingRoot;
  }

  @Override
  public StagedFiles stage(String uri) throws SourceException {
    if (uri == null || uri.isBlank()) {
      throw new SourceException(
          "No raw-data location given: pass s3://bucket/key, file:///path or a local path");
    }
    String location = uri.trim();
    Matcher scheme = SCHEME.matcher(location);
    if (!scheme.find()) {
      return LocalFiles.stage(location);
    }
    return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
      case "file" -> LocalFiles.stage(location);
      case "s3" -> stageFromS3("s3" + location.substring(scheme.group(1).length()));
      default ->
          throw new SourceException(
              "Unsupported location scheme '"
                  + scheme.group(1)
                  + "' in '"
                  + location
                  + "': use s3://bucket/key (globs allowed), file:///path or a local path");
    };
  }

  /**
   * Lists what an {@code s3://} location names, with sizes, reading no object (at most {@code max}
   * objects; the listing says when there were more).
   *
   * @throws SourceException as {@link #stage} does: a malformed location, no such bucket, access
   *     denied, no network
   */
  public RawObjects listS3(String uri, int max) throws SourceException {
    S3Location.parse(uri);
    return s3Files().list(uri.trim(), max);
  }

  private StagedFiles stageFromS3(String uri) throws SourceException {
    S3Location.parse(uri); // a malformed location fails before any folder or client exists
    Path dir;
    try {
      Files.createDirectories(stagingRoot);
      dir = Files.createTempDirectory(stagingRoot, "stage-");
    } catch (IOException e) {
      throw new SourceException(
          "Could not create a staging folder under "
              + stagingRoot
              + " for "
              + uri
              + ": "
              + e.getMessage()
              + " (check that it is writable)",
          e);
    }
    try {
      return s3Files().stage(uri, dir);
    } catch (SourceException | RuntimeException e) {
      Staged.deleteTree(dir);
      throw e;
    }
  }

  private synchronized S3Files s3Files() {
    if (s3Files == null) {
      AwsCredentialsProvider primary =
          settings.credentials() != null
              ? settings.credentials()
              : DefaultCredentialsProvider.builder().build();
      DefaultOrAnonymousCredentials credentials = new DefaultOrAnonymousCredentials(primary);
      String region = region();
      s3Client = client(region, credentials);
      String where =
          settings.endpoint() != null
              ? settings.endpoint().toString()
              : "AWS (region " + region + ")";
      s3Files = new S3Files(s3Client, new S3Errors(where, credentials.anonymous()));
    }
    return s3Files;
  }

  private S3Client client(String region, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build())
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle());
    if (settings.endpoint() != null) {
      // S3-compatible stores often lack the newer flexible checksums; we only read anyway
      builder
          .endpointOverride(settings.endpoint())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else {
      // a public bucket's region is rarely known to the user; let the SDK follow redirects
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }

  private String region() {
    if (settings.region() != null) {
      return settings.region();
    }
    try {
      return new AwsProfileRegionProvider().getRegion().id();
    } catch (RuntimeException e) {
      return S3Settings.DEFAULT_REGION;
    }
  }

  @Override
  public synchronized void close() {
    if (s3Client != null) {
      s3Client.close();
      s3Client = null;
      s3Files = null;
    }
  }
}
