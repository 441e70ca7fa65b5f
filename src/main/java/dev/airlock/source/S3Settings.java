package dev.airlock.source;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach S3. Every field may be null: {@code region} falls back to the AWS profile, then
 * {@code us-east-1}; {@code endpoint} null means AWS itself; {@code credentials} null means the
 * default credential chain, with anonymous access when it finds nothing (public buckets). {@code
 * pathStyle} addresses buckets as {@code endpoint/bucket/key}, which S3-compatible stores (MinIO,
 * Ceph, R2, test servers) need.
 */
public record S3Settings(
    String region, URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials) {

  /** Names the S3-compatible endpoint to use instead of AWS, e.g. http://localhost:9000. */
  public static final String ENDPOINT_VARIABLE = "AIRLOCK_S3_ENDPOINT";

  /** {@code true}/{@code false}; defaults to true when an endpoint is set, false otherwise. */
  public static final String PATH_STYLE_VARIABLE = "AIRLOCK_S3_PATH_STYLE";

  public static final String DEFAULT_REGION = "us-east-1";

  /** AWS itself, default credentials, region from the environment or profile. */
  public static S3Settings defaults() {
    return new S3Settings(null, null, false, null);
  }

  /**
   * Reads {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), {@value #ENDPOINT_VARIABLE} and
   * {@value #PATH_STYLE_VARIABLE}; credentials always come from the default chain.
   */
  public static S3Settings fromEnvironment(Map<String, String> env) {
    String region = blankToNull(env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION")));
    String endpoint = blankToNull(env.get(ENDPOINT_VARIABLE));
    String pathStyle = blankToNull(env.get(PATH_STYLE_VARIABLE));
    return new S3Settings(
        region,
        endpoint == null ? null : URI.create(endpoint),
        pathStyle == null ? endpoint != null : Boolean.parseBoolean(pathStyle),
        null);
  }

  /** An S3-compatible store at {@code endpoint}, addressed path-style. */
  public S3Settings withEndpoint(URI newEndpoint) {
    return new S3Settings(region, newEndpoint, true, credentials);
  }

  public S3Settings withRegion(String newRegion) {
    return new S3Settings(newRegion, endpoint, pathStyle, credentials);
  }

  public S3Settings withCredentials(AwsCredentialsProvider newCredentials) {
    return new S3Settings(region, endpoint, pathStyle, newCredentials);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
