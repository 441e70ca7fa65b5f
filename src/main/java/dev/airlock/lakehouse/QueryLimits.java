package dev.airlock.lakehouse;

import java.time.Duration;

/**
 * What queries may take of the host. Agent code sends SQL that runs in the host's process, outside
 * the sandbox's memory and time limits, so each query gets its own: DuckDB's defaults would let one
 * query take 80% of the host's memory, spill until the disk is 90% full, and run for ever after the
 * sandbox that asked for it was killed.
 *
 * @param timeout how long one query may run before it is interrupted
 * @param memory DuckDB's {@code memory_limit} for one query's database, e.g. {@code 2GiB}
 * @param spill DuckDB's {@code max_temp_directory_size}: what one database may spill to disk
 * @param threads DuckDB's {@code threads} for one query
 * @param concurrent how many queries run at once; others wait up to {@code timeout} for a turn
 * @param answerBytes about how much one answer may hold in the host's heap (characters of text, 8
 *     bytes a number): past it the query fails instead of the host running out of memory
 */
record QueryLimits(
    Duration timeout, String memory, String spill, int threads, int concurrent, long answerBytes) {
  static final QueryLimits DEFAULT =
      new QueryLimits(Duration.ofSeconds(120), "2GiB", "4GiB", 2, 2, 256L << 20);

  QueryLimits {
    if (timeout.toSeconds() < 1 || threads < 1 || concurrent < 1 || answerBytes < 1) {
      throw new IllegalArgumentException(
          "query limits need a timeout of at least 1 s, one thread"
              + " and one query at a time: "
              + timeout
              + ", "
              + threads
              + ", "
              + concurrent);
    }
  }

  /** Whole seconds, as JDBC's query timeout counts them. */
  int timeoutSeconds() {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds());
  }
}
