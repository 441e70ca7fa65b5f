package dev.airlock.ui.output;

import java.util.regex.Pattern;

/**
 * Models wrap their prose at a fixed width; a pane that wraps to its own width then shows ragged
 * lines. As in Markdown, a single line break inside a paragraph is a space; blank lines, list
 * items, headings, quotes, indented lines and everything inside a code fence keep their breaks.
 */
final class Prose {
  private static final Pattern KEEPS_ITS_LINE =
      Pattern.compile("^(\\s|[-*+•>#|]|\\d+[.)]\\s|```).*");

  private Prose() {}

  static String unwrap(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    boolean fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        boolean join =
            !fenced
                && !lines[i - 1].isBlank()
                && !lines[i - 1].startsWith("```")
                && !line.isBlank()
                && !KEEPS_ITS_LINE.matcher(line).matches();
        out.append(join ? ' ' : '\n');
      }
      if (line.startsWith("```")) {
        fenced = !fenced;
      }
      out.append(line);
    }
    return out.toString();
  }
}
