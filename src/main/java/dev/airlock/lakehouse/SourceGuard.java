package dev.airlock.lakehouse;

import dev.airlock.source.StagedFiles;

/**
 * Decides which resolved local files an import may read. The lakehouse reads sources on the host,
 * so when it serves sandboxed code, the files a URI resolves to (after globs, folder walks and
 * links) must be checked, not the URI's text. Remote sources are staged by Airlock itself and are
 * not passed here.
 */
@FunctionalInterface
public interface SourceGuard {
  /** Returns the files to read for {@code uri}, or throws FORBIDDEN naming what is not allowed. */
  StagedFiles admit(String uri, StagedFiles resolved);

  /** Reads whatever the URI resolves to (the command line, tests). */
  SourceGuard NONE = (uri, resolved) -> resolved;
}
