package dev.airlock.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline model: serves the responses of a script, in order, one per request, streaming each in
 * word-sized pieces. The script is a JSON array of strings. It records nothing itself; the loop
 * records what it was asked, as for any model. Usage is zero (nothing was counted) and cost null.
 *
 * <p>A response may name the task's variables, e.g. {@code {{branch}}}, where a model would copy
 * the value from the task; {@link #withVariables} fills them in, so a script works on whatever
 * branch the run announces. Any other {@code {{...}}} is left as written (Python code may contain
 * it).
 */
public final class ScriptedModel implements ModelClient {
  private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

  /** How the demo model is named wherever a model is named. */
  public static final String DEMO_NAME = "demo model (scripted)";

  private static final String DEMO_SCRIPT = "/dev/airlock/model/demo-model.json";

  private final String source;
  private final String id;
  private final List<String> responses;
  private int served;

  /** Reads the script from {@code file}. */
  public ScriptedModel(Path file) throws ModelException {
    this(file.toString(), read(file));
  }

  /** A script held in memory; {@code source} names it in ids and errors. */
  public ScriptedModel(String source, List<String> responses) {
    this(source, Provider.SCRIPTED.label() + ":" + source, responses);
  }

  private ScriptedModel(String source, String id, List<String> responses) {
    this.source = Objects.requireNonNull(source, "source");
    this.id = id;
    this.responses = List.copyOf(responses);
  }

  /** The packaged demo session ({@link Provider#DEMO}). */
  public static ScriptedModel demo() throws ModelException {
    try (InputStream in = ScriptedModel.class.getResourceAsStream(DEMO_SCRIPT)) {
      if (in == null) {
        throw new ModelException(
            ModelException.Kind.CONFIGURATION,
            "The demo model's script is missing from this build (" + DEMO_SCRIPT + ")");
      }
      Path name = Path.of(DEMO_SCRIPT);
      JsonNode root = new ObjectMapper().readTree(in);
      return new ScriptedModel(DEMO_NAME, DEMO_NAME, strings(name, root));
    } catch (IOException e) {
      throw new ModelException(
          ModelException.Kind.CONFIGURATION, "The demo model's script cannot be read: " + e);
    }
  }

  /** The same script, unserved, with each {@code {{name}}} of {@code variables} filled in. */
  public ScriptedModel withVariables(Map<String, String> variables) {
    List<String> filled = new ArrayList<>();
    for (String response : responses) {
      Matcher m = VARIABLE.matcher(response);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = variables.get(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
      }
      m.appendTail(out);
      filled.add(out.toString());
    }
    return new ScriptedModel(source, id, filled);
  }

  @Override
  public ModelResponse complete(List<ChatMessage> messages, TokenListener tokens)
      throws ModelException {
    long start = System.nanoTime();
    String text = next();
    for (String piece : WORD_BOUNDARY.split(text, -1)) {
      if (!piece.isEmpty()) {
        tokens.onToken(piece);
      }
    }
    return new ModelResponse(
        text, Usage.NONE, null, "stop", Duration.ofNanos(System.nanoTime() - start), 1);
  }

  private synchronized String next() throws ModelException {
    if (served >= responses.size()) {
      throw new ModelException(
          ModelException.Kind.EXHAUSTED,
          "The script "
              + source
              + " has "
              + responses.size()
              + " responses and turn "
              + (served + 1)
              + " asked for another: add a response to the script, or end the run sooner.");
    }
    return responses.get(served++);
  }

  /** How many responses have been served so far. */
  public synchronized int served() {
    return served;
  }

  /** How many responses the script holds. */
  public int size() {
    return responses.size();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return "ScriptedModel[" + source + ", " + served() + "/" + size() + " served]";
  }

  private static List<String> read(Path file) throws ModelException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw bad(file, "the file does not exist");
    } catch (IOException e) {
      throw bad(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw bad(file, "it is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    return strings(file, root);
  }

  private static List<String> strings(Path file, JsonNode root) throws ModelException {
    if (root == null || !root.isArray()) {
      String found =
          root == null || root.isMissingNode()
              ? "nothing"
              : root.getNodeType().name().toLowerCase(Locale.ROOT);
      throw bad(file, "it holds " + found + ", not a JSON array of strings");
    }
    if (root.isEmpty()) {
      throw bad(file, "the array is empty, so there is no response for turn 1");
    }
    List<String> responses = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode item = root.get(i);
      if (!item.isTextual()) {
        throw bad(
            file,
            "element "
                + (i + 1)
                + " is "
                + item.getNodeType().name().toLowerCase(Locale.ROOT)
                + ", but every element must be a string (one whole model response)");
      }
      responses.add(item.asText());
    }
    return responses;
  }

  private static ModelException bad(Path file, String problem) {
    return new ModelException(
        ModelException.Kind.CONFIGURATION,
        "The model script "
            + file
            + " cannot be used: "
            + problem
            + ". A script is a JSON array of strings, each a complete model response.");
  }
}
