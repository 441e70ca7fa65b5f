package dev.airlock.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a report as Markdown (CommonMark with GitHub's tables). Prose is escaped character by
 * character so that nothing in it becomes markup (no raw HTML, no link, no heading); exact text
 * goes into fenced blocks whose fence is longer than any run of backticks inside, so it cannot be
 * closed from within.
 */
final class MarkdownSink implements ReportSink {
  /** ASCII punctuation Markdown may read as markup anywhere; a backslash makes it a letter. */
  private static final String SPECIAL = "\\`*_[]<>#|~&";

  /** Characters that are markup only at a line's start (lists, headings, rules, quotes). */
  private static final String LEADING = "-+=>";

  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Pattern NUMBERED = Pattern.compile("^(\\s*\\d+)([.)])");

  private final StringBuilder b = new StringBuilder();

  /**
   * {@code text} on one line (line breaks become spaces), every special character escaped; it goes
   * after a heading's, a list item's or a cell's own markup, so what starts a line does not matter.
   */
  static String inline(String text) {
    return escape(text == null ? "" : text.replaceAll("\\R", " "), false);
  }

  /** {@code text} escaped line by line; a line that would start a list or a heading does not. */
  static String escape(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean lineStarts) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    String[] lines = text.split("\\R", -1);
    for (int l = 0; l < lines.length; l++) {
      if (l > 0) {
        out.append('\n');
      }
      String line = lines[l];
      // The "." or ")" after a line's leading number would start a numbered list: escaped by its
      // place (not by a marker character, which the text itself could hold).
      Matcher numbered = NUMBERED.matcher(line);
      int listMark = lineStarts && numbered.find() ? numbered.start(2) : -1;
      boolean leading = lineStarts;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (i == listMark) {
          out.append('\\').append(c);
        } else if (c == '\u0000') {
          out.append('\uFFFD'); // as CommonMark reads it; never markup, never a backslash
        } else if (c == '_' && inWord(line, i)) {
          out.append(c); // snake_case: an underscore inside a word is never emphasis
        } else if (SPECIAL.indexOf(c) >= 0 || leading && LEADING.indexOf(c) >= 0) {
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
        leading &= Character.isWhitespace(c);
      }
    }
    return out.toString();
  }

  private static boolean inWord(String line, int i) {
    return i > 0
        && i + 1 < line.length()
        && Character.isLetterOrDigit(line.charAt(i - 1))
        && Character.isLetterOrDigit(line.charAt(i + 1));
  }

  /** A fence of backticks one longer than the longest run in {@code text}, at least three. */
  static String fence(String text) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String mark(Tone tone) {
    return switch (tone == null ? Tone.PLAIN : tone) {
      case GOOD -> "✔ ";
      case WARN -> "⚠ ";
      case BAD -> "✘ ";
      case PLAIN -> "";
    };
  }

  @Override
  public void title(String text, String subtitle) {
    b.append("# ").append(inline(text)).append("\n\n");
    if (subtitle != null) {
      b.append('_').append(inline(subtitle)).append("_\n\n");
    }
  }

  @Override
  public void contents(List<Link> links) {
    b.append("## Contents\n\n");
    int n = 1;
    for (Link l : links) {
      b.append(n++)
          .append(". [")
          .append(mark(l.tone()))
          .append(inline(l.text()))
          .append("](#")
          .append(l.anchor())
          .append(")\n");
    }
    b.append('\n');
  }

  @Override
  public void heading(int level, String anchor, String text, String badge, Tone tone) {
    if (anchor != null) {
      // The report makes its anchors (turn-3, outcome): never text from the run.
      b.append("<a id=\"").append(anchor).append("\"></a>\n\n");
    }
    b.append("#".repeat(Math.min(Math.max(level, 2), 4))).append(' ').append(inline(text));
    if (badge != null) {
      b.append(" — ").append(mark(tone)).append(inline(badge));
    }
    b.append("\n\n");
  }

  @Override
  public void facts(List<Fact> facts) {
    for (Fact f : facts) {
      b.append("- **")
          .append(inline(f.label()))
          .append(":** ")
          .append(mark(f.tone()))
          .append(inline(f.value()))
          .append('\n');
    }
    b.append('\n');
  }

  @Override
  public void text(String text) {
    // A backslash at a line's end is a hard line break: the prose keeps its lines.
    b.append(escape(text.strip()).replace("\n", "\\\n").replace("\\\n\\\n", "\n\n"));
    b.append("\n\n");
  }

  @Override
  public void note(Tone tone, String text) {
    String body = escape(text.strip()).replace("\n", "\\\n> ");
    b.append("> ").append(mark(tone)).append(body).append("\n\n");
  }

  @Override
  public void block(String caption, String text, String language) {
    if (caption != null) {
      b.append('*').append(inline(caption)).append("*\n\n");
    }
    String fence = fence(text);
    b.append(fence).append(language == null ? "" : language).append('\n');
    b.append(text);
    if (!text.endsWith("\n")) {
      b.append('\n');
    }
    b.append(fence).append("\n\n");
  }

  @Override
  public void table(List<String> header, List<List<String>> rows, List<Tone> tones) {
    b.append('|');
    header.forEach(h -> b.append(' ').append(inline(h)).append(" |"));
    b.append("\n|");
    header.forEach(h -> b.append(" --- |"));
    b.append('\n');
    for (int i = 0; i < rows.size(); i++) {
      Tone tone = i < tones.size() ? tones.get(i) : Tone.PLAIN;
      b.append('|');
      List<String> row = rows.get(i);
      for (int c = 0; c < row.size(); c++) {
        b.append(' ').append(c == 0 ? mark(tone) : "").append(inline(row.get(c))).append(" |");
      }
      b.append('\n');
    }
    b.append('\n');
  }

  @Override
  public String finish() {
    b.append("---\n\n_Exported by Airlock from the run's transcript._\n");
    return b.toString();
  }
}
