package dev.airlock.demo;

/**
 * What to generate: {@code rows} payments (the real DABStep file has 138,236), from {@code seed}
 * (the same seed gives byte-identical CSV), in {@code format}.
 */
public record DemoDataOptions(long rows, long seed, DemoFormat format) {
  /** The row count of DABStep's real payments.csv. */
  public static final long DEFAULT_ROWS = 138_236;

  public static final long DEFAULT_SEED = 42;

  /** Keeps the psp_reference arithmetic inside a long and the shopper pool sane. */
  public static final long MAX_ROWS = 50_000_000;

  public DemoDataOptions {
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException(
          "Demo data rows must be between 1 and " + MAX_ROWS + ", got " + rows);
    }
    if (format == null) {
      throw new IllegalArgumentException("Demo data format is required: parquet, csv or json");
    }
  }

  /** 138,236 rows, seed 42, Parquet: the offline demo's raw data. */
  public static DemoDataOptions defaults() {
    return new DemoDataOptions(DEFAULT_ROWS, DEFAULT_SEED, DemoFormat.PARQUET);
  }

  public DemoDataOptions withRows(long newRows) {
    return new DemoDataOptions(newRows, seed, format);
  }

  public DemoDataOptions withSeed(long newSeed) {
    return new DemoDataOptions(rows, newSeed, format);
  }

  public DemoDataOptions withFormat(DemoFormat newFormat) {
    return new DemoDataOptions(rows, seed, newFormat);
  }
}
