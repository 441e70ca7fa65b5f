package dev.airlock.lakehouse;

/**
 * One column difference between two versions of a table; {@code before}/{@code after} are types.
 */
public record SchemaChange(Kind kind, String column, String before, String after) {

  /**
   * "+column TYPE", "-column TYPE" or "column OLD -> NEW": how merge requests and diffs show it.
   */
  public String describe() {
    return switch (kind) {
      case ADDED -> "+" + column + " " + after;
      case REMOVED -> "-" + column + " " + before;
      case TYPE_CHANGED -> column + " " + before + " -> " + after;
    };
  }

  /** What happened to the column. */
  public enum Kind {
    ADDED,
    REMOVED,
    TYPE_CHANGED
  }
}
