package dev.airlock.lakehouse.gateway;

import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.source.S3Location;
import dev.airlock.source.S3Prefix;
import dev.airlock.source.SourceException;
import java.util.List;
import java.util.Map;

/**
 * Which remote locations sandboxed code may name. The host fetches them with its own credentials,
 * so an open list would let code without network send requests (and data, in the key's name) to any
 * bucket. When restricted, only {@code s3://} locations under an allowed prefix pass, checked on
 * the parsed location before any request is made; every other scheme is refused.
 */
public record RemoteSources(boolean restricted, List<S3Prefix> allowed) {
  /** The flag a person adds to allow one more prefix, named in refusals. */
  public static final String ALLOW_FLAG = "--allow-source PREFIX";

  public RemoteSources {
    allowed = List.copyOf(allowed);
  }

  /** Everything passes unchanged (tests and trusted callers). */
  public static RemoteSources any() {
    return new RemoteSources(false, List.of());
  }

  /** Only {@code s3://} locations under {@code allowed} (none: no remote source at all). */
  public static RemoteSources only(List<S3Prefix> allowed) {
    return new RemoteSources(true, allowed);
  }

  /** The location to hand the lakehouse (re-written from its parsed form), or FORBIDDEN. */
  String admit(String uri) {
    if (!restricted) {
      return uri;
    }
    if (!uri.startsWith("s3://")) {
      throw forbidden(uri, "only s3:// locations (lower case) can be read");
    }
    S3Location location;
    try {
      location = S3Location.parse(uri);
    } catch (SourceException e) {
      throw forbidden(uri, e.getMessage());
    }
    if (allowed.stream().noneMatch(prefix -> prefix.contains(location))) {
      throw forbidden(uri, "it is outside the S3 locations this run may read");
    }
    return location.uri();
  }

  private LakehouseException forbidden(String uri, String why) {
    String where =
        allowed.isEmpty()
            ? "none: this run's raw data is not on S3"
            : allowed.stream().map(S3Prefix::uri).reduce((a, b) -> a + ", " + b).orElseThrow();
    return new LakehouseException(
        ErrorType.FORBIDDEN,
        "Source '"
            + uri
            + "' is refused ("
            + why
            + "). Allowed remote sources: "
            + where
            + ". Read the raw data from its given location; to allow another prefix, a person adds "
            + ALLOW_FLAG
            + " to `airlock run`.",
        Map.of("search_uri", uri, "allowed_sources", where));
  }
}
