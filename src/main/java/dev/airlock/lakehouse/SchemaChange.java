package dev.airlock.lakehouse;

/**
 * One column difference between two versions of a table; {@code before}/{@code after} are types.
 */
public record SchemaChange(Kind kind, String column, String before, String after) {

  /** What happened to the column. */
  public enum Kind {
    ADDED,
    REMOVED,
    TYPE_CHANGED
  }
}
