package dev.airlock.bench;

/**
 * One figure of {@code airlock bench}: what Airlock does, the baseline it is held to, and the
 * target for the ratio Airlock / baseline (lower is better).
 */
public interface Figure {

  /** Short group name used by {@code --only} (for example "query", "start", "sandbox"). */
  String area();

  /** What Airlock does, as the table's first column ("group-by on a branch, 1M rows"). */
  String name();

  /** The baseline, in words ("same SQL, same Parquet, warm DuckDB connection"). */
  String baseline();

  /** The ratio Airlock / baseline this figure must stay at or under. */
  double target();

  /** Builds what the trials need (files, warm connections); closed after the last pair. */
  Pair prepare(BenchContext context) throws Exception;

  /** One trial of each side, ready to run; each call returns the nanoseconds it measured. */
  interface Pair extends AutoCloseable {
    long ours() throws Exception;

    long baseline() throws Exception;

    @Override
    default void close() throws Exception {}
  }
}
