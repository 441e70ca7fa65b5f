package dev.airlock.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy rules file ({@code .airlock/policy.yaml}) into validated {@link PolicyRules},
 * once, before the run starts. The file is read as plain data (a tree of maps, lists and scalars:
 * no types, no includes, nothing runs), and everything unknown is refused: a misspelt condition
 * must not silently turn a rule into one that never matches.
 */
public final class PolicyRulesReader {
  /** Larger files are refused: a rules file is a page of text. */
  static final long MAX_BYTES = 64 * 1024;

  static final int MAX_MESSAGE = 500;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final List<String> RULE_KEYS = List.of("name", "when", "then", "message");
  private static final List<String> CONDITIONS =
      List.of("packages", "risks", "merge_into", "rows_written_over");
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private PolicyRulesReader() {}

  public static PolicyRules read(Path file) throws PolicyRulesException {
    String where = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new PolicyRulesException(
            where + ": the rules file is over " + MAX_BYTES / 1024 + " KB: keep it to the rules");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PolicyRulesException(where + ": no such file: check the path given to --policy");
    } catch (IOException e) {
      throw new PolicyRulesException(
          where + ": cannot be read (" + e.getMessage() + "): check its permissions");
    }
    return parse(text, where);
  }

  /** The rules in {@code text}; {@code where} names the file in every message. */
  public static PolicyRules parse(String text, String where) throws PolicyRulesException {
    JsonNode root;
    try (JsonParser parser = YAML.createParser(text)) {
      root = YAML.readTree(parser);
      // A second document ("---") would be dropped unread, its rules with it: refuse it instead.
      if (root != null && parser.nextToken() != null) {
        throw new PolicyRulesException(
            where
                + ": the file holds more than one YAML document ('---'): put every rule in one"
                + " 'rules:' list");
      }
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new PolicyRulesException(
          where + ": not valid YAML" + line + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyRulesException(where + ": cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new PolicyRulesException(
          where + ": the file is empty: write a 'rules:' list (see the README, Policy rules)");
    }
    if (!root.isObject()) {
      throw new PolicyRulesException(where + ": the file must be a map with a 'rules:' list");
    }
    unknownKeys(root, List.of("rules"), where + ": unknown key", "the file has only 'rules:'");
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray()) {
      throw new PolicyRulesException(
          where + ": 'rules:' must be a list of rules (each '- name: ... when: ... then: ...')");
    }
    List<PolicyRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      PolicyRule rule = rule(list.get(i), where + ": rule " + (i + 1));
      if (!names.add(rule.name())) {
        throw new PolicyRulesException(
            where
                + ": rule "
                + (i + 1)
                + " '"
                + rule.name()
                + "': the name is used by an earlier rule: give each rule its own name (decisions"
                + " are recorded by it)");
      }
      rules.add(rule);
    }
    return new PolicyRules(where, rules);
  }

  private static PolicyRule rule(JsonNode node, String at) throws PolicyRulesException {
    if (!node.isObject()) {
      throw new PolicyRulesException(at + ": a rule is a map of name, when, then (and message)");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isTextual() || !NAME.matcher(nameNode.asText()).matches()) {
      throw new PolicyRulesException(
          at
              + ": give the rule a name of letters, digits, '.', '_' or '-' (at most 64), e.g."
              + " 'name: no-pip'");
    }
    String name = nameNode.asText();
    String here = at + " '" + name + "'";
    unknownKeys(node, RULE_KEYS, here + ": unknown key", "a rule has name, when, then, message");
    PolicyRule.When when = when(node.get("when"), here);
    PolicyRule.Action then = then(node.get("then"), here);
    String message = null;
    JsonNode m = node.get("message");
    if (m != null && !m.isNull()) {
      if (!m.isTextual() || m.asText().length() > MAX_MESSAGE) {
        throw new PolicyRulesException(
            here + ": 'message' must be text of at most " + MAX_MESSAGE + " characters");
      }
      message = m.asText();
    }
    if (when.aboutMerges() && then == PolicyRule.Action.APPROVE) {
      throw new PolicyRulesException(
          here
              + ": a rule cannot approve merges (they need the checks): use 'then: ask' or"
              + " 'then: reject', and --merge auto-if-green to merge when the checks pass");
    }
    return new PolicyRule(name, when, then, message);
  }

  private static PolicyRule.When when(JsonNode node, String at) throws PolicyRulesException {
    if (node == null || !node.isObject() || node.isEmpty()) {
      throw new PolicyRulesException(
          at
              + ": 'when' needs at least one condition ("
              + String.join(", ", CONDITIONS)
              + "), e.g. 'when: {risks: none}'");
    }
    unknownKeys(
        node,
        CONDITIONS,
        at + ": unknown condition",
        "the conditions are " + String.join(", ", CONDITIONS));
    PolicyRule.Match packages = match(node.get("packages"), at, "packages", null);
    PolicyRule.Match risks = match(node.get("risks"), at, "risks", RiskDetector.ruleNames());
    String mergeInto = null;
    JsonNode into = node.get("merge_into");
    if (into != null) {
      if (!into.isTextual() || into.asText().isBlank()) {
        throw new PolicyRulesException(at + ": 'merge_into' names a branch, e.g. 'main'");
      }
      mergeInto = into.asText().strip();
    }
    Long rowsOver = null;
    JsonNode rows = node.get("rows_written_over");
    if (rows != null) {
      if (!rows.canConvertToLong() || !rows.isIntegralNumber() || rows.asLong() < 0) {
        throw new PolicyRulesException(
            at + ": 'rows_written_over' is a whole number of rows, e.g. 100000");
      }
      rowsOver = rows.asLong();
    }
    PolicyRule.When when = new PolicyRule.When(packages, risks, mergeInto, rowsOver);
    if (when.aboutMerges() && (packages != null || risks != null)) {
      throw new PolicyRulesException(
          at
              + ": a rule is about code (packages, risks) or about merges (merge_into,"
              + " rows_written_over), not both: split it into two rules");
    }
    return when;
  }

  private static PolicyRule.Match match(JsonNode node, String at, String key, List<String> known)
      throws PolicyRulesException {
    if (node == null) {
      return null;
    }
    String usage = "'" + key + "' is any, none, or a list of names, e.g. [" + example(key) + "]";
    if (node.isTextual()) {
      return switch (node.asText().strip()) {
        case "any" -> new PolicyRule.Match(PolicyRule.Match.Kind.ANY, List.of());
        case "none" -> new PolicyRule.Match(PolicyRule.Match.Kind.NONE, List.of());
        default -> throw new PolicyRulesException(at + ": " + usage);
      };
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new PolicyRulesException(at + ": " + usage);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual() || n.asText().isBlank()) {
        throw new PolicyRulesException(at + ": " + usage);
      }
      String name = n.asText().strip();
      if (known != null && !known.contains(name)) {
        throw new PolicyRulesException(
            at + ": unknown risk '" + name + "': the risks are " + String.join(", ", known));
      }
      names.add(name);
    }
    return new PolicyRule.Match(PolicyRule.Match.Kind.ONE_OF, names);
  }

  private static String example(String key) {
    return key.equals("risks") ? "pip-install, network" : "pip, requests";
  }

  private static PolicyRule.Action then(JsonNode node, String at) throws PolicyRulesException {
    if (node != null && node.isTextual()) {
      for (PolicyRule.Action a : PolicyRule.Action.values()) {
        if (a.word().equals(node.asText().strip())) {
          return a;
        }
      }
    }
    throw new PolicyRulesException(
        at
            + ": 'then' must be approve, ask or reject, not "
            + (node == null ? "missing" : "'" + RiskDetector.visible(node.asText()) + "'"));
  }

  private static void unknownKeys(JsonNode node, List<String> known, String what, String fix)
      throws PolicyRulesException {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String key = fields.next().getKey();
      if (!known.contains(key)) {
        throw new PolicyRulesException(what + " '" + RiskDetector.visible(key) + "': " + fix);
      }
    }
  }
}
