package dev.airlock.lakehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code params} object of one request, read with type checks: a parameter of the wrong type is
 * the caller's mistake and answers BAD_REQUEST naming the parameter, never a server error.
 */
final class Params {
  private static final int SUMMARY_CHARS = 300;

  private final String method;
  private final ObjectNode node;

  Params(String method, JsonNode params) {
    this.method = method;
    if (params == null || params.isNull()) {
      this.node = JsonNodeFactory.instance.objectNode();
    } else if (params instanceof ObjectNode object) {
      this.node = object;
    } else {
      throw ProtocolError.badRequest(
          "\"params\" of " + method + " must be a JSON object, not " + params.getNodeType());
    }
  }

  String required(String name) {
    String value = optional(name);
    if (value == null || value.isEmpty()) {
      throw ProtocolError.badRequest(method + " needs the parameter '" + name + "'");
    }
    return value;
  }

  String optional(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ProtocolError.badRequest(
          "parameter '"
              + name
              + "' of "
              + method
              + " must be a string, not "
              + value.getNodeType());
    }
    return value.asText();
  }

  String orDefault(String name, String fallback) {
    String value = optional(name);
    return value == null ? fallback : value;
  }

  boolean flag(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ProtocolError.badRequest(
          "parameter '" + name + "' of " + method + " must be true or false, not " + value);
    }
    return value.asBoolean();
  }

  Integer count(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      throw ProtocolError.badRequest(
          "parameter '"
              + name
              + "' of "
              + method
              + " must be a non-negative integer, not "
              + value);
    }
    return value.asInt();
  }

  Map<String, String> properties(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw ProtocolError.badRequest(
          "parameter '" + name + "' of " + method + " must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The parameters as the turn's event shows them: scalars, long strings cut. */
  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), summarize(e.getValue())));
    return out;
  }

  private static Object summarize(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return text.length() <= SUMMARY_CHARS
          ? text
          : text.substring(0, SUMMARY_CHARS) + "... (" + text.length() + " chars)";
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    String text = value.toString();
    return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "...";
  }
}
