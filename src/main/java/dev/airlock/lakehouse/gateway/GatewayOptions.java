package dev.airlock.lakehouse.gateway;

import java.nio.file.Path;

/**
 * How a gateway serves: {@code username} is the local user the code acts as (what {@code
 * info().user.username} answers and the author of its commits); {@code parentDirectory} is where
 * the 0700 per-run socket directory is created (null: {@code /tmp}, to keep the socket path far
 * below the 108-byte {@code sun_path} limit); {@code maxRequestBytes} bounds one request line;
 * {@code maxRows} bounds one query answer; {@code maxConnections} bounds concurrent connections;
 * {@code sourcePolicy} says which local files the code may import and maps sandbox paths; {@code
 * maxUploadBytes} bounds the files one call may upload from the sandbox (and twice that bounds what
 * all connections together may have staged at once).
 */
public record GatewayOptions(
    String username,
    Path parentDirectory,
    int maxRequestBytes,
    int maxRows,
    int maxConnections,
    SourcePolicy sourcePolicy,
    long maxUploadBytes) {

  public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_ROWS = 500_000;
  public static final int DEFAULT_MAX_CONNECTIONS = 32;

  /** The sandbox's own file-size limit is 1 GiB; a call may upload a few such files. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 4L << 30;

  public GatewayOptions {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("the gateway needs the local user's name");
    }
    if (maxRequestBytes < 1024 || maxRows < 1 || maxConnections < 1 || maxUploadBytes < 0) {
      throw new IllegalArgumentException(
          "gateway limits must be positive (request bytes at least 1024)");
    }
    sourcePolicy = sourcePolicy == null ? SourcePolicy.unrestricted() : sourcePolicy;
  }

  /**
   * Defaults for {@code username}: socket under /tmp, 1 MiB requests, 500,000 rows, 32 connections,
   * no source restriction.
   */
  public static GatewayOptions defaults(String username) {
    return new GatewayOptions(
        username,
        null,
        DEFAULT_MAX_REQUEST_BYTES,
        DEFAULT_MAX_ROWS,
        DEFAULT_MAX_CONNECTIONS,
        SourcePolicy.unrestricted(),
        DEFAULT_MAX_UPLOAD_BYTES);
  }

  public GatewayOptions withParentDirectory(Path directory) {
    return new GatewayOptions(
        username,
        directory,
        maxRequestBytes,
        maxRows,
        maxConnections,
        sourcePolicy,
        maxUploadBytes);
  }

  public GatewayOptions withMaxRequestBytes(int bytes) {
    return new GatewayOptions(
        username, parentDirectory, bytes, maxRows, maxConnections, sourcePolicy, maxUploadBytes);
  }

  public GatewayOptions withMaxRows(int rows) {
    return new GatewayOptions(
        username,
        parentDirectory,
        maxRequestBytes,
        rows,
        maxConnections,
        sourcePolicy,
        maxUploadBytes);
  }

  public GatewayOptions withSourcePolicy(SourcePolicy policy) {
    return new GatewayOptions(
        username,
        parentDirectory,
        maxRequestBytes,
        maxRows,
        maxConnections,
        policy,
        maxUploadBytes);
  }

  public GatewayOptions withMaxUploadBytes(long bytes) {
    return new GatewayOptions(
        username, parentDirectory, maxRequestBytes, maxRows, maxConnections, sourcePolicy, bytes);
  }
}
