package dev.airlock.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code <reasoning>}, {@code <packages>}, {@code <code>} and {@code <done>} out of a model
 * response. Tolerates what models really do (prose around the tags, tag case and spacing, a fenced
 * python block inside {@code <code>}, a self-closing {@code <done/>}) but never guesses: code
 * outside {@code <code>}, an unclosed or repeated block, or a response with neither code nor done
 * is a format error whose message tells the model exactly what to fix.
 */
public final class ResponseParser {
  private static final Pattern FENCE =
      Pattern.compile(
          "^\\s*```[ \\t]*([A-Za-z0-9_+-]*)[ \\t]*\\R(.*?)\\R?[ \\t]*```\\s*$", Pattern.DOTALL);
  private static final Pattern FENCE_ANYWHERE =
      Pattern.compile("```[ \\t]*(python|py)?\\s*\\R", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELF_CLOSING_DONE =
      Pattern.compile("<\\s*done\\s*/\\s*>", Pattern.CASE_INSENSITIVE);

  public ParsedResponse parse(String response) {
    String text = response == null ? "" : response;
    List<Block> reasoning = blocks(text, "reasoning");
    List<Block> packages = blocks(text, "packages");
    List<Block> code = blocks(text, "code");
    List<Block> done = blocks(text, "done");
    String reasoningText = reasoning.isEmpty() ? "" : reasoning.get(0).body().strip();

    String problem =
        firstProblem(
            problemWith(code, "code"),
            problemWith(done, "done"),
            problemWith(packages, "packages"));
    if (problem != null) {
      return ParsedResponse.formatError(reasoningText, problem);
    }
    boolean claimsDone = !done.isEmpty() || SELF_CLOSING_DONE.matcher(text).find();
    if (code.isEmpty() && !claimsDone) {
      return ParsedResponse.formatError(reasoningText, missingBoth(text));
    }
    String doneText = done.isEmpty() ? (claimsDone ? "" : null) : done.get(0).body().strip();
    if (code.isEmpty()) {
      return new ParsedResponse(
          ParsedResponse.Kind.DONE, reasoningText, List.of(), null, doneText, null);
    }
    String body = unfence(code.get(0).body());
    if (body.isBlank()) {
      return ParsedResponse.formatError(
          reasoningText,
          "The <code> block is empty. Put the Python to run between <code> and </code>.");
    }
    List<String> pkgs = packages.isEmpty() ? List.of() : splitPackages(packages.get(0).body());
    ParsedResponse.Kind kind =
        claimsDone ? ParsedResponse.Kind.PROPOSAL_AND_DONE : ParsedResponse.Kind.PROPOSAL;
    return new ParsedResponse(kind, reasoningText, pkgs, body, doneText, null);
  }

  private record Block(String body, boolean closed) {}

  private static List<Block> blocks(String text, String tag) {
    Pattern open = Pattern.compile("<\\s*" + tag + "\\s*>", Pattern.CASE_INSENSITIVE);
    Pattern close = Pattern.compile("<\\s*/\\s*" + tag + "\\s*>", Pattern.CASE_INSENSITIVE);
    List<Block> result = new ArrayList<>();
    Matcher o = open.matcher(text);
    int from = 0;
    while (o.find(from)) {
      Matcher c = close.matcher(text);
      if (!c.find(o.end())) {
        result.add(new Block(text.substring(o.end()), false));
        break;
      }
      result.add(new Block(text.substring(o.end(), c.start()), true));
      from = c.end();
    }
    return result;
  }

  private static String firstProblem(String... problems) {
    for (String p : problems) {
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String problemWith(List<Block> found, String tag) {
    if (found.isEmpty()) {
      return null;
    }
    if (found.stream().anyMatch(b -> !b.closed())) {
      return "The <"
          + tag
          + "> block is not closed: end it with </"
          + tag
          + ">."
          + " (If your answer was cut off, send a shorter one.)";
    }
    if (found.size() > 1) {
      return "Found "
          + found.size()
          + " <"
          + tag
          + "> blocks; send exactly one <"
          + tag
          + "> block per answer.";
    }
    return null;
  }

  private static String missingBoth(String text) {
    if (FENCE_ANYWHERE.matcher(text).find()) {
      return "Your answer has a ``` code fence but no <code> block. Put the Python to run inside"
          + " <code>...</code> (a fence inside <code> is fine), or answer with <done>...</done> if"
          + " the task is finished.";
    }
    if (text.isBlank()) {
      return "Your answer was empty. Answer with <reasoning>, optional <packages> and <code>, or"
          + " with <done>...</done> when the task is finished.";
    }
    return "Your answer has neither a <code> block nor a <done> block. Answer with <reasoning>,"
        + " optional <packages> and <code>...</code>, or with <done>...</done> when the task is"
        + " finished.";
  }

  static String unfence(String body) {
    Matcher m = FENCE.matcher(body);
    String code = m.matches() ? m.group(2) : body;
    return stripBlankEdges(code);
  }

  private static String stripBlankEdges(String code) {
    String[] lines = code.split("\\R", -1);
    int start = 0;
    int end = lines.length;
    while (start < end && lines[start].isBlank()) {
      start++;
    }
    while (end > start && lines[end - 1].isBlank()) {
      end--;
    }
    String joined = String.join("\n", Arrays.asList(lines).subList(start, end));
    return joined.isEmpty() ? "" : joined + "\n";
  }

  static List<String> splitPackages(String body) {
    List<String> out = new ArrayList<>();
    for (String part : body.split("[,\\s]+")) {
      String p = part.strip();
      if (!p.isEmpty() && !p.toLowerCase(Locale.ROOT).equals("none")) {
        out.add(p);
      }
    }
    return out;
  }
}
