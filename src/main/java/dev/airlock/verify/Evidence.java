package dev.airlock.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a check looked at: the SQL it ran (null when it read the catalog instead, see {@code note})
 * and what came back, at most {@link #MAX_ROWS} rows ({@code truncated} says more came). Values are
 * those of {@link dev.airlock.lakehouse.QueryResult}; long strings are shortened.
 */
public record Evidence(
    String sql, List<String> columns, List<List<Object>> rows, boolean truncated, String note) {

  /** The rows any evidence keeps: enough to show a defect, small enough for a review screen. */
  public static final int MAX_ROWS = 10;

  static final int MAX_TEXT = 200;

  private static final Pattern SHORTENED_TAIL =
      Pattern.compile("\\.\\.\\. \\((\\d{3,9}) characters\\)");

  public Evidence {
    columns = List.copyOf(columns);
    List<List<Object>> kept = new ArrayList<>();
    for (List<Object> row : rows) {
      if (kept.size() == MAX_ROWS) {
        truncated = true;
        break;
      }
      kept.add(
          Collections.unmodifiableList(
              new ArrayList<>(row.stream().map(Evidence::shorten).toList())));
    }
    rows = List.copyOf(kept);
  }

  /** Evidence that is only a remark (e.g. why a check could not run). */
  public static Evidence note(String sql, String note) {
    return new Evidence(sql, List.of(), List.of(), false, note);
  }

  /**
   * {@code value} as evidence keeps it: a string longer than {@value #MAX_TEXT} characters is cut
   * and says how long it was; other values are unchanged. Idempotent.
   */
  public static Object shorten(Object value) {
    if (value instanceof String s && s.length() > MAX_TEXT && !shortened(s)) {
      return s.substring(0, MAX_TEXT) + "... (" + s.length() + " characters)";
    }
    if (value != null && !(value instanceof String)) {
      // A list, map or struct of the agent's data can be as long as a string: kept as its text,
      // shortened, once that text is too long.
      String text = String.valueOf(value);
      if (text.length() > MAX_TEXT) {
        return shorten(text);
      }
    }
    return value;
  }

  /**
   * Whether {@code s} is already a shortened text. Shortening must be idempotent: evidence read
   * back from a transcript passes through this constructor again and must keep its values as
   * written.
   */
  private static boolean shortened(String s) {
    Matcher tail = SHORTENED_TAIL.matcher(s.substring(MAX_TEXT));
    return tail.matches() && Long.parseLong(tail.group(1)) > MAX_TEXT;
  }
}
