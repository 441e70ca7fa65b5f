package dev.airlock.report;

import java.nio.file.Path;
import java.util.Locale;

/** The formats a run report is written in. */
public enum ReportFormat {
  MARKDOWN("md"),
  HTML("html");

  private final String word;

  ReportFormat(String word) {
    this.word = word;
  }

  /** The word the command line takes ({@code md}, {@code html}), also the file extension. */
  public String word() {
    return word;
  }

  /**
   * The format {@code word} names ("md", "markdown", "html", "htm", any case).
   *
   * @throws IllegalArgumentException naming the word and the formats there are
   */
  public static ReportFormat parse(String word) {
    String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    return switch (w) {
      case "md", "markdown" -> MARKDOWN;
      case "html", "htm" -> HTML;
      default ->
          throw new IllegalArgumentException(
              "unknown report format '" + word + "': use md or html");
    };
  }

  /** The format a file's name asks for: HTML for .html and .htm, Markdown for anything else. */
  public static ReportFormat forFile(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") ? HTML : MARKDOWN;
  }
}
