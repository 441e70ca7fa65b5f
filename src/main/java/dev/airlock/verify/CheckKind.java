package dev.airlock.verify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a check looks at; {@link #key()} is its stable name in reports and JSON. */
public enum CheckKind {
  /** The tables the expectations name exist on the ref (or: the ref has tables at all). */
  TABLES_EXIST,
  /** The table has at least its minimum number of rows (default 1). */
  HAS_ROWS,
  /** The table has more than one column. */
  HAS_COLUMNS,
  /** An ID column is unique and never null. */
  ID_UNIQUE,
  /** The table's row count equals the rows of the source files in its lineage. */
  SOURCE_ROWS,
  /** The declared columns match the table's (names, Iceberg types). */
  SCHEMA,
  /** Columns declared required hold no nulls. */
  REQUIRED,
  /** A custom SQL check: it must return no rows. */
  CUSTOM;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code key} in a report. */
  @JsonCreator
  public static CheckKind ofKey(String key) {
    for (CheckKind kind : values()) {
      if (kind.key().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no check kind \"" + key + "\"");
  }
}
