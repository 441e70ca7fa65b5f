package dev.airlock.session;

import dev.airlock.source.S3Prefix;
import dev.airlock.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The remote locations a run's code may import from: the raw data's S3 prefix (when the raw data is
 * on S3) and every {@code --allow-source} the person gave. Nothing else leaves the host.
 */
final class AllowedSources {
  private AllowedSources() {}

  static List<S3Prefix> of(String rawUri, List<String> allowSource) throws LaunchException {
    List<S3Prefix> allowed = new ArrayList<>();
    if (rawUri != null && rawUri.trim().toLowerCase(Locale.ROOT).startsWith("s3://")) {
      try {
        allowed.add(S3Prefix.enclosing(rawUri));
      } catch (SourceException e) {
        throw LaunchException.of(RunRequest.Field.RAW, e.getMessage());
      }
    }
    for (String prefix : allowSource) {
      try {
        S3Prefix parsed = S3Prefix.parse(prefix);
        if (!allowed.contains(parsed)) {
          allowed.add(parsed);
        }
      } catch (SourceException e) {
        throw LaunchException.of(
            RunRequest.Field.ALLOW_SOURCE,
            e.getMessage()
                + " (only s3:// prefixes can be allowed; local raw data is named as the raw data)");
      }
    }
    return List.copyOf(allowed);
  }

  /** For the run's settings: the prefixes, comma-separated. */
  static String describe(List<S3Prefix> allowed) {
    return String.join(",", allowed.stream().map(S3Prefix::uri).toList());
  }
}
