package dev.airlock.demo;

import java.util.Locale;

/** The file format of a generated demo dataset: one file per table. */
public enum DemoFormat {
  PARQUET("parquet"),
  CSV("csv"),
  JSON("json");

  private final String extension;

  DemoFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension, without the dot, that DuckDB uses to infer the format. */
  public String extension() {
    return extension;
  }

  /** Parses {@code parquet}, {@code csv} or {@code json}, case-insensitively. */
  public static DemoFormat parse(String text) {
    for (DemoFormat f : values()) {
      if (f.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown demo data format '" + text + "': use parquet, csv or json");
  }
}
