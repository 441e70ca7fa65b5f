package dev.airlock.report;

import java.util.List;

/**
 * What a report is made of, independent of its format: the walk over a run ({@link RunReport}) says
 * what to show, a sink says how, and escapes every text it is given. Texts are plain: a sink never
 * interprets markup in them.
 */
interface ReportSink {

  /** How a status reads: colours in HTML, words in Markdown. */
  enum Tone {
    PLAIN,
    GOOD,
    WARN,
    BAD
  }

  /** A line of the table of contents, pointing at a section's anchor. */
  record Link(String anchor, String text, Tone tone) {}

  /** A label and its value, as in a run's header. */
  record Fact(String label, String value, Tone tone) {
    Fact(String label, String value) {
      this(label, value, Tone.PLAIN);
    }
  }

  /** The report's title and the line under it. */
  void title(String text, String subtitle);

  void contents(List<Link> links);

  /**
   * A heading: level 2 starts a part of the report (a turn, the outcome), level 3 a part of that.
   * {@code anchor} is an id the contents link to (made by the report, never from the run's text),
   * or null; {@code badge}, when not null, is a word or two of status shown beside it in its tone.
   */
  void heading(int level, String anchor, String text, String badge, Tone tone);

  void facts(List<Fact> facts);

  /** Prose, its line breaks kept. */
  void text(String text);

  /** Something the reader must notice: a warning, a failure, where the transcript stops. */
  void note(Tone tone, String text);

  /** Text shown exactly: code, a diff, output. {@code language} names it (python, diff, text). */
  void block(String caption, String text, String language);

  /** A table; {@code tones} is one per row, or empty. */
  void table(List<String> header, List<List<String>> rows, List<Tone> tones);

  /** The whole document. */
  String finish();
}
