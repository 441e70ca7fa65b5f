package dev.airlock.source;

import java.util.regex.Pattern;

/**
 * DuckDB-style globs over '/'-separated names: {@code *} and {@code ?} stay inside one segment,
 * {@code **} crosses segments ({@code a/**}{@code /b} also matches {@code a/b}), {@code [...]} is a
 * character class. Used for S3 keys and local paths alike so both behave the same.
 */
final class Glob {
  private Glob() {}

  static boolean hasWildcard(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
  }

  /** The text before the first wildcard: the prefix an S3 listing can be narrowed to. */
  static String literalPrefix(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[') {
        return pattern.substring(0, i);
      }
    }
    return pattern;
  }

  static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 3;
        continue;
      }
      if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
        continue;
      }
      int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
      if (close > 0) {
        String body = glob.substring(i + 1, close);
        String negated = body.startsWith("!") ? "^" + body.substring(1) : body;
        regex.append('[').append(negated.replace("\\", "\\\\")).append(']');
        i = close + 1;
        continue;
      }
      regex.append(
          switch (c) {
            case '*' -> "[^/]*";
            case '?' -> "[^/]";
            default -> Pattern.quote(String.valueOf(c));
          });
      i++;
    }
    return Pattern.compile(regex.toString());
  }
}
