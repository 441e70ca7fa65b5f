package dev.airlock.report;

import java.util.List;
import java.util.Locale;

/**
 * Writes a report as one HTML page that opens offline: its style inline, no script, no external
 * asset, and a content security policy that would refuse one anyway. Every text is escaped, so a
 * {@code <script>} the model wrote reads as text.
 */
final class HtmlSink implements ReportSink {
  private static final String STYLE =
      """
      :root { color-scheme: light; }
      body { margin: 0; background: #f6f8fa; color: #1f2328;
        font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial,
          sans-serif; }
      main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
      h1 { font-size: 26px; margin: 8px 0 2px; overflow-wrap: anywhere; }
      .subtitle { color: #59636e; margin: 0 0 18px; }
      h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 1px solid #d1d9e0;
        overflow-wrap: anywhere; }
      h3 { font-size: 16px; margin: 18px 0 6px; overflow-wrap: anywhere; }
      h4 { font-size: 14px; margin: 14px 0 4px; color: #31373d; overflow-wrap: anywhere; }
      section, nav { background: #ffffff; border: 1px solid #d1d9e0; border-radius: 8px;
        padding: 16px 20px; margin: 16px 0; }
      nav ol { margin: 0; padding-left: 24px; columns: 2; column-gap: 32px; }
      nav li { margin: 2px 0; break-inside: avoid; }
      a { color: #0969da; text-decoration: none; }
      a:hover { text-decoration: underline; }
      p.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 6px 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
      dt { color: #59636e; }
      dd { margin: 0; overflow-wrap: anywhere; }
      .caption { color: #59636e; font-size: 13px; margin: 10px 0 3px; }
      pre { margin: 0; padding: 10px 12px; background: #f6f8fa; border: 1px solid #d1d9e0;
        border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
      pre, code, td.mono { font: 13px/1.45 "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas,
        monospace; }
      pre.diff { background: #fbfbfc; }
      .note { border-left: 4px solid #d1d9e0; background: #f6f8fa; padding: 8px 12px; margin: 10px 0;
        white-space: pre-wrap; overflow-wrap: anywhere; border-radius: 0 6px 6px 0; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13.5px; }
      th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; vertical-align: top;
        overflow-wrap: anywhere; }
      th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
      td.short { white-space: nowrap; overflow-wrap: normal; }
      .good { color: #1a7f37; } .warn { color: #9a6700; } .bad { color: #d1242f; }
      .note.good { border-color: #1a7f37; background: #dafbe1; color: #1f2328; }
      .note.warn { border-color: #bf8700; background: #fff8c5; color: #1f2328; }
      .note.bad { border-color: #d1242f; background: #ffebe9; color: #1f2328; }
      td.good, td.warn, td.bad { font-weight: 600; }
      .scroll { overflow-x: auto; margin: 6px 0; }
      .scroll table { margin: 0; }
      .badge { display: inline-block; font-size: 13px; font-weight: 600; padding: 1px 8px;
        border-radius: 10px; margin-left: 8px; vertical-align: 2px; border: 1px solid currentColor; }
      footer { color: #59636e; font-size: 13px; text-align: center; margin-top: 24px; }
      @media print {
        body { background: #ffffff; font-size: 12px; }
        main { max-width: none; padding: 0; }
        section, nav { border: none; padding: 0; margin: 12px 0; }
        h2 { break-after: avoid; }
        pre, .note, tr { break-inside: avoid; }
        .scroll { overflow: visible; }
        table { font-size: 10px; }
        a { color: inherit; }
      }
      """;

  private static final int SHORT_CELL = 16;

  private final StringBuilder b = new StringBuilder();
  private boolean sectionOpen;

  HtmlSink(String pageTitle) {
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(pageTitle))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  /** The text with every character HTML could read as markup replaced by its entity. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\u0000' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String toneClass(Tone tone) {
    return tone == null || tone == Tone.PLAIN ? "" : tone.name().toLowerCase(Locale.ROOT);
  }

  private static String classAttr(String... classes) {
    String joined = String.join(" ", classes).strip();
    return joined.isEmpty() ? "" : " class=\"" + joined + "\"";
  }

  @Override
  public void title(String text, String subtitle) {
    b.append("<h1>").append(escape(text)).append("</h1>\n");
    if (subtitle != null) {
      b.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>\n");
    }
  }

  @Override
  public void contents(List<Link> links) {
    closeSection();
    b.append("<nav>\n<h2>Contents</h2>\n<ol>\n");
    for (Link l : links) {
      b.append("<li><a href=\"#")
          .append(escape(l.anchor()))
          .append("\"")
          .append(classAttr(toneClass(l.tone())))
          .append(">")
          .append(escape(l.text()))
          .append("</a></li>\n");
    }
    b.append("</ol>\n</nav>\n");
  }

  @Override
  public void heading(int level, String anchor, String text, String badge, Tone tone) {
    if (level <= 2) {
      closeSection();
      b.append("<section").append(anchor == null ? "" : " id=\"" + escape(anchor) + "\"");
      b.append(">\n");
      sectionOpen = true;
    }
    int h = Math.min(Math.max(level, 2), 4);
    b.append("<h").append(h);
    if (anchor != null && level > 2) {
      b.append(" id=\"").append(escape(anchor)).append("\"");
    }
    b.append(">").append(escape(text));
    if (badge != null) {
      b.append("<span").append(classAttr("badge", toneClass(tone))).append(">");
      b.append(escape(badge)).append("</span>");
    }
    b.append("</h").append(h).append(">\n");
  }

  @Override
  public void facts(List<Fact> facts) {
    b.append("<dl>\n");
    for (Fact f : facts) {
      b.append("<dt>").append(escape(f.label())).append("</dt><dd");
      b.append(classAttr(toneClass(f.tone())));
      b.append(">").append(escape(f.value())).append("</dd>\n");
    }
    b.append("</dl>\n");
  }

  @Override
  public void text(String text) {
    b.append("<p class=\"text\">").append(escape(text)).append("</p>\n");
  }

  @Override
  public void note(Tone tone, String text) {
    b.append("<div").append(classAttr("note", toneClass(tone))).append(">");
    b.append(escape(text)).append("</div>\n");
  }

  @Override
  public void block(String caption, String text, String language) {
    if (caption != null) {
      b.append("<div class=\"caption\">").append(escape(caption)).append("</div>\n");
    }
    b.append("<pre").append(classAttr("diff".equals(language) ? "diff" : "")).append("><code>");
    b.append(escape(text)).append("</code></pre>\n");
  }

  @Override
  public void table(List<String> header, List<List<String>> rows, List<Tone> tones) {
    b.append("<div class=\"scroll\"><table>\n<thead><tr>");
    header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      Tone tone = i < tones.size() ? tones.get(i) : Tone.PLAIN;
      b.append("<tr>");
      List<String> row = rows.get(i);
      for (int c = 0; c < row.size(); c++) {
        // A short value (a time, a count, a verdict) keeps its line; long ones wrap anywhere.
        String cell = row.get(c);
        String tonePart = c == 0 ? toneClass(tone) : "";
        b.append("<td").append(classAttr(cell.length() <= SHORT_CELL ? "short" : "", tonePart));
        b.append(">").append(escape(cell)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }

  @Override
  public String finish() {
    closeSection();
    b.append("<footer>Exported by Airlock from the run's transcript.</footer>\n");
    b.append("</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private void closeSection() {
    if (sectionOpen) {
      b.append("</section>\n");
      sectionOpen = false;
    }
  }
}
