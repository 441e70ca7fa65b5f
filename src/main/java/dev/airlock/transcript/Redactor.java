package dev.airlock.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces secret values (API keys from the environment or .env) wherever they appear in text about
 * to be stored, so that a key that leaks into a model response, an output or an error never reaches
 * a transcript or a log. Values shorter than 8 characters are ignored: too likely to hit ordinary
 * text, too short to be keys.
 */
public final class Redactor {
  private record Secret(String name, String value) {}

  private final List<Secret> secrets = new ArrayList<>();

  public static final Redactor NONE = new Redactor(Map.of());

  /**
   * @param secrets variable name to secret value
   */
  public Redactor(Map<String, String> secrets) {
    secrets.forEach(
        (name, value) -> {
          if (value != null && value.length() >= 8) {
            this.secrets.add(new Secret(name, value));
            String escaped = jsonEscaped(value);
            if (!escaped.equals(value)) {
              // Transcript lines are JSON: a secret with quotes or backslashes appears escaped
              // there.
              this.secrets.add(new Secret(name, escaped));
            }
          }
        });
    this.secrets.sort(Comparator.comparingInt((Secret s) -> s.value.length()).reversed());
  }

  /**
   * Picks the variables that hold secrets by their names (*KEY*, *TOKEN*, *SECRET*, *PASSWORD*).
   */
  public static Redactor fromVariables(Map<String, String> variables) {
    Map<String, String> picked = new TreeMap<>();
    variables.forEach(
        (name, value) -> {
          String upper = name.toUpperCase(Locale.ROOT);
          if (upper.contains("KEY")
              || upper.contains("TOKEN")
              || upper.contains("SECRET")
              || upper.contains("PASSWORD")) {
            picked.put(name, value);
          }
        });
    return new Redactor(picked);
  }

  private static String jsonEscaped(String value) {
    try {
      String quoted = Json.mapper().writeValueAsString(value);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  /**
   * These variables' values are secrets whatever their names (e.g. what --pass-env hands the code).
   */
  public Redactor with(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>();
    secrets.forEach(s -> all.putIfAbsent(s.name, s.value));
    all.putAll(more);
    return new Redactor(all);
  }

  public String redact(String text) {
    String out = text;
    for (Secret s : secrets) {
      if (out.contains(s.value)) {
        out = out.replace(s.value, "[redacted " + s.name + "]");
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }
}
