package dev.airlock.lakehouse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/** DuckDB type names to Iceberg type names, and DuckDB JDBC values to JSON-friendly Java values. */
final class DuckTypes {
  private DuckTypes() {}

  static String iceberg(String duck) {
    String t = duck.trim();
    if (t.endsWith("]")) {
      int open = t.lastIndexOf('[');
      return "list<" + iceberg(t.substring(0, open)) + ">";
    }
    String upper = t.toUpperCase(Locale.ROOT);
    if (upper.startsWith("STRUCT(")) {
      List<String> parts = splitTopLevel(t.substring(7, t.length() - 1));
      List<String> out = new ArrayList<>();
      for (String p : parts) {
        String[] nameAndType = splitFieldName(p.trim());
        out.add(nameAndType[0] + ":" + iceberg(nameAndType[1]));
      }
      return "struct<" + String.join(",", out) + ">";
    }
    if (upper.startsWith("MAP(")) {
      List<String> kv = splitTopLevel(t.substring(4, t.length() - 1));
      return "map<" + iceberg(kv.get(0)) + "," + iceberg(kv.get(1)) + ">";
    }
    if (upper.startsWith("DECIMAL")) {
      return upper.toLowerCase(Locale.ROOT).replace(" ", "");
    }
    return switch (upper) {
      case "BOOLEAN" -> "boolean";
      case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> "int";
      case "BIGINT", "UINTEGER" -> "long";
      case "UBIGINT", "HUGEINT", "UHUGEINT" -> "decimal(38,0)";
      case "FLOAT" -> "float";
      case "DOUBLE" -> "double";
      case "VARCHAR", "JSON" -> "string";
      case "DATE" -> "date";
      case "TIME" -> "time";
      case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS" -> "timestamp";
      case "TIMESTAMP_NS" -> "timestamp_ns";
      case "TIMESTAMP WITH TIME ZONE" -> "timestamptz";
      case "BLOB" -> "binary";
      case "UUID" -> "uuid";
      default -> upper.toLowerCase(Locale.ROOT);
    };
  }

  /** Whether a column of type {@code from} may be appended to one of type {@code to} by a cast. */
  static boolean appendable(String from, String to) {
    if (from.equalsIgnoreCase(to)) {
      return true;
    }
    String a = iceberg(from);
    String b = iceberg(to);
    return a.equals(b)
        || (a.equals("int") && b.equals("long"))
        || (a.equals("float") && b.equals("double"))
        || ((a.equals("int") || a.equals("long")) && b.equals("double"));
  }

  private static String[] splitFieldName(String field) {
    if (field.startsWith("\"")) {
      int end = field.indexOf('"', 1);
      return new String[] {field.substring(1, end), field.substring(end + 1).trim()};
    }
    int sp = field.indexOf(' ');
    return new String[] {field.substring(0, sp), field.substring(sp + 1).trim()};
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(s.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(s.substring(start).trim());
    return out;
  }

  /** A value the gateway can put in JSON as is. */
  static Object value(Object v) throws SQLException {
    if (v == null
        || v instanceof Boolean
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Double
        || v instanceof Float
        || v instanceof String
        || v instanceof BigDecimal
        || v instanceof BigInteger) {
      return v;
    }
    if (v instanceof Byte || v instanceof Short) {
      return ((Number) v).intValue();
    }
    if (v instanceof Timestamp ts) {
      return ts.toLocalDateTime().toString();
    }
    if (v instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof Time t) {
      return t.toLocalTime().toString();
    }
    if (v instanceof TemporalAccessor) {
      return v.toString();
    }
    if (v instanceof Array a) {
      List<Object> out = new ArrayList<>();
      for (Object o : (Object[]) a.getArray()) {
        out.add(value(o));
      }
      return out;
    }
    if (v instanceof Struct s) {
      return structValue(s);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), value(e.getValue()));
      }
      return out;
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Blob b) {
      return Base64.getEncoder().encodeToString(b.getBytes(1, (int) b.length()));
    }
    return v.toString();
  }

  private static Object structValue(Struct s) throws SQLException {
    if (s instanceof DuckDBStruct ds) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ds.getMap().entrySet()) {
        out.put(e.getKey(), value(e.getValue()));
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    for (Object o : s.getAttributes()) {
      out.add(value(o));
    }
    return out;
  }
}
