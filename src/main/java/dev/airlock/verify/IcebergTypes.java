package dev.airlock.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Iceberg type names as the lakehouse writes them ({@code long}, {@code list<string>}, {@code
 * struct<a:int>}, {@code decimal(10,2)}), normalized so a declared type and a table's type compare
 * as strings. Common SQL spellings ({@code bigint}, {@code varchar}) are accepted in expectations
 * files because people write them.
 */
final class IcebergTypes {
  private static final Set<String> PRIMITIVES =
      Set.of(
          "boolean",
          "int",
          "long",
          "float",
          "double",
          "string",
          "date",
          "time",
          "timestamp",
          "timestamp_ns",
          "timestamptz",
          "binary",
          "uuid");
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("bigint", "long"),
          Map.entry("int64", "long"),
          Map.entry("integer", "int"),
          Map.entry("int32", "int"),
          Map.entry("smallint", "int"),
          Map.entry("tinyint", "int"),
          Map.entry("varchar", "string"),
          Map.entry("text", "string"),
          Map.entry("bool", "boolean"),
          Map.entry("real", "float"),
          Map.entry("float64", "double"),
          Map.entry("blob", "binary"));

  private IcebergTypes() {}

  /** The canonical spelling of a type, or null when it is not a type. */
  static String normalize(String type) {
    if (type == null) {
      return null;
    }
    String t = type.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    try {
      return canonical(t);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String canonical(String t) {
    if (t.startsWith("list<") && t.endsWith(">")) {
      return "list<" + need(canonical(t.substring(5, t.length() - 1))) + ">";
    }
    if (t.startsWith("map<") && t.endsWith(">")) {
      List<String> kv = split(t.substring(4, t.length() - 1));
      if (kv.size() != 2) {
        return null;
      }
      return "map<" + need(canonical(kv.get(0))) + "," + need(canonical(kv.get(1))) + ">";
    }
    if (t.startsWith("struct<") && t.endsWith(">")) {
      List<String> out = new ArrayList<>();
      for (String f : split(t.substring(7, t.length() - 1))) {
        int colon = f.indexOf(':');
        if (colon <= 0) {
          return null;
        }
        out.add(f.substring(0, colon) + ":" + need(canonical(f.substring(colon + 1))));
      }
      return "struct<" + String.join(",", out) + ">";
    }
    if (t.matches("decimal\\(\\d+,\\d+\\)")) {
      return t;
    }
    String p = ALIASES.getOrDefault(t, t);
    return PRIMITIVES.contains(p) ? p : null;
  }

  private static String need(String part) {
    if (part == null) {
      throw new IllegalArgumentException("not a type");
    }
    return part;
  }

  private static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Whether values of this type can be an ID: scalars only (a list of codes is not an ID). */
  static boolean scalar(String type) {
    String t = normalize(type);
    return t != null && !t.startsWith("list<") && !t.startsWith("map<") && !t.startsWith("struct<");
  }
}
