package dev.airlock.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, optional {@code export }
 * prefix, single quotes (literal) or double quotes (with {@code \n \" \\} escapes), and trailing
 * {@code # comments} after unquoted values. Lines that are not assignments are skipped rather than
 * fatal, because the same file often serves other tools with their own syntax.
 */
public final class DotEnv {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private DotEnv() {}

  /** The variables in {@code file}; empty when the file does not exist. */
  public static Map<String, String> load(Path file) throws ModelException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION,
          "Cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "): fix its permissions"
              + " or remove it and set the keys in the environment.");
    }
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (KEY.matcher(key).matches()) {
        vars.put(key, value(line.substring(eq + 1).strip()));
      }
    }
    return vars;
  }

  private static String value(String text) {
    if (text.startsWith("'")) {
      int end = text.indexOf('\'', 1);
      return end < 0 ? text.substring(1) : text.substring(1, end);
    }
    if (text.startsWith("\"")) {
      return doubleQuoted(text);
    }
    int comment = commentStart(text);
    return (comment < 0 ? text : text.substring(0, comment)).strip();
  }

  private static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A '#' starts a comment only after whitespace, so values like {@code abc#123} survive. */
  private static int commentStart(String text) {
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) == '#' && Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return text.startsWith("#") ? 0 : -1;
  }
}
