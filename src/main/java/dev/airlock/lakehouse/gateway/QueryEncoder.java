package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.airlock.lakehouse.QueryResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query answer on the wire: {@code columns} (name and pyarrow-style type name) and row-major
 * {@code rows}. Column types travel as pyarrow names because the Python client stands in for a
 * {@code pyarrow.Table}; values are JSON, with decimals as strings (no float rounding) and dates,
 * times and timestamps as ISO-8601 text the client turns back into Python objects.
 */
final class QueryEncoder {
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(-?\\d{4,}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2})?(?:\\.(\\d+))?"
              + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2})(:\\d{2})?(?:\\.(\\d+))?");
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

  private final ObjectMapper json;

  QueryEncoder(ObjectMapper json) {
    this.json = json;
  }

  /**
   * The result as a JSON value that is written row by row when the response is serialized: a large
   * answer never exists as a tree of JSON nodes (several times the size of its bytes).
   */
  JsonNode encode(QueryResult result) {
    return json.getNodeFactory().pojoNode(new Streamed(result));
  }

  /** Writes {@code {columns, rows, num_rows, truncated}} straight to the generator. */
  private final class Streamed extends JsonSerializable.Base {
    private final QueryResult result;

    Streamed(QueryResult result) {
      this.result = result;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
      List<String> types = result.types();
      gen.writeStartObject();
      gen.writeArrayFieldStart("columns");
      for (int i = 0; i < result.columns().size(); i++) {
        gen.writeStartObject();
        gen.writeStringField("name", result.columns().get(i));
        gen.writeStringField("type", arrowType(typeOf(types, i)));
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("rows");
      for (List<Object> row : result.rows()) {
        gen.writeStartArray();
        for (int i = 0; i < row.size(); i++) {
          provider.defaultSerializeValue(value(row.get(i), typeOf(types, i)), gen);
        }
        gen.writeEndArray();
      }
      gen.writeEndArray();
      gen.writeNumberField("num_rows", result.rowCount());
      gen.writeBooleanField("truncated", result.truncated());
      gen.writeEndObject();
    }

    @Override
    public void serializeWithType(
        JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
      serialize(gen, provider);
    }
  }

  private static String typeOf(List<String> types, int i) {
    return i < types.size() ? types.get(i) : "string";
  }

  /** Iceberg type name -> the name pyarrow gives the same type. */
  static String arrowType(String iceberg) {
    String type = iceberg == null ? "null" : iceberg.trim().toLowerCase(Locale.ROOT);
    if (type.startsWith("list<") && type.endsWith(">")) {
      return "list<item: " + arrowType(iceberg.trim().substring(5, type.length() - 1)) + ">";
    }
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      return "decimal128(" + decimal.group(1) + ", " + decimal.group(2) + ")";
    }
    return switch (type) {
      case "boolean" -> "bool";
      case "int" -> "int32";
      case "long" -> "int64";
      case "float" -> "float";
      case "double" -> "double";
      case "string", "uuid" -> "string";
      case "date" -> "date32[day]";
      case "time" -> "time64[us]";
      case "timestamp" -> "timestamp[us]";
      case "timestamptz" -> "timestamp[us, tz=UTC]";
      case "binary" -> "binary";
      default -> type.startsWith("fixed") ? "binary" : iceberg.trim();
    };
  }

  /** A value as plain JSON-ready Java: decimals and times as normalized text, lists recursed. */
  private static Object value(Object value, String icebergType) {
    String type = icebergType == null ? "" : icebergType.trim().toLowerCase(Locale.ROOT);
    if (value == null
        || value instanceof Number && !(value instanceof BigDecimal)
        || value instanceof Boolean
        || value instanceof Map<?, ?>) {
      return value;
    }
    if (value instanceof List<?> list) {
      String element =
          type.startsWith("list<") && type.endsWith(">")
              ? icebergType.trim().substring(5, type.length() - 1)
              : "";
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(value(v, element)));
      return out;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    String text = value.toString();
    if (type.startsWith("timestamp")) {
      return normalizeTimestamp(text);
    }
    return type.equals("time") ? normalizeTime(text) : text;
  }

  /**
   * DuckDB prints {@code 2024-01-02 03:04:05.1+00}; Python before 3.11 reads only {@code
   * 2024-01-02T03:04:05.100000+00:00}. Text that is no timestamp (infinity) passes as is.
   */
  static String normalizeTimestamp(String text) {
    Matcher m = TIMESTAMP.matcher(text.trim());
    if (!m.matches()) {
      return text;
    }
    StringBuilder out = new StringBuilder(m.group(1)).append('T').append(m.group(2));
    out.append(m.group(3) == null ? ":00" : m.group(3));
    appendFraction(out, m.group(4));
    String zone = m.group(5);
    if (zone != null) {
      out.append(zone.equals("Z") ? "+00:00" : offset(zone));
    }
    return out.toString();
  }

  static String normalizeTime(String text) {
    Matcher m = TIME.matcher(text.trim());
    if (!m.matches()) {
      return text;
    }
    StringBuilder out =
        new StringBuilder(m.group(1)).append(m.group(2) == null ? ":00" : m.group(2));
    appendFraction(out, m.group(3));
    return out.toString();
  }

  private static void appendFraction(StringBuilder out, String fraction) {
    if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
      String micros = (fraction + "000000").substring(0, 6);
      out.append('.').append(micros);
    }
  }

  private static String offset(String zone) {
    String digits = zone.substring(1).replace(":", "");
    String hours = digits.substring(0, 2);
    String minutes = digits.length() >= 4 ? digits.substring(2, 4) : "00";
    return zone.charAt(0) + hours + ":" + minutes;
  }
}
