package dev.airlock.ui.code;

import static dev.airlock.ui.code.PythonHighlighter.BUILTIN;
import static dev.airlock.ui.code.PythonHighlighter.COMMENT;
import static dev.airlock.ui.code.PythonHighlighter.CONSTANT;
import static dev.airlock.ui.code.PythonHighlighter.DECORATOR;
import static dev.airlock.ui.code.PythonHighlighter.DEFINITION;
import static dev.airlock.ui.code.PythonHighlighter.INTERPOLATION;
import static dev.airlock.ui.code.PythonHighlighter.KEYWORD;
import static dev.airlock.ui.code.PythonHighlighter.NUMBER;
import static dev.airlock.ui.code.PythonHighlighter.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The highlighter's classes, read back per character as the code area would apply them. */
class PythonHighlighterTest {

  private static final String SAMPLE =
      """
      import bauplan  # the lakehouse client
      from collections import Counter

      @bauplan.model()
      def classify(row, limit=10):
          \"\"\"Sort a row; '#' in a docstring is text.\"\"\"
          label = f"{row['kind']!r} is #{limit:>3}"
          if row is None or len(row) > 0x1F:
              return 'none # not a comment'
          return classify_more(label, 1.5e-3)
      """;

  @Test
  void theSpansCoverTheWholeTextExactly() {
    StyleSpans<Collection<String>> spans = PythonHighlighter.spans(SAMPLE);
    assertThat(spans.length()).isEqualTo(SAMPLE.length());
    int sum = 0;
    for (StyleSpan<Collection<String>> span : spans) {
      assertThat(span.getLength()).isPositive();
      sum += span.getLength();
    }
    assertThat(sum).isEqualTo(SAMPLE.length());
    assertThat(PythonHighlighter.spans("").length()).isZero();
  }

  @Test
  void keywordsAreWholeWordsNotPartsOfIdentifiers() {
    assertThat(styleIn(SAMPLE, "import bauplan", "import")).containsExactly(KEYWORD);
    assertThat(styleIn(SAMPLE, "def classify", "def")).containsExactly(KEYWORD);
    assertThat(styleIn(SAMPLE, "classify(row", "classify")).containsExactly(DEFINITION);
    assertThat(styleOf(SAMPLE, "classify_more")).isEmpty();
    assertThat(styleOf(SAMPLE, "label")).isEmpty();
    assertThat(styleIn(SAMPLE, "len(row)", "len")).containsExactly(BUILTIN);
    assertThat(styleIn(SAMPLE, "is None", "None")).containsExactly(CONSTANT);
    assertThat(styleIn(SAMPLE, "is None", "is")).containsExactly(KEYWORD);
    assertThat(styleOf(SAMPLE, "@bauplan.model")).containsExactly(DECORATOR);
    assertThat(styleOf(SAMPLE, "0x1F")).containsExactly(NUMBER);
    assertThat(styleOf(SAMPLE, "1.5e-3")).containsExactly(NUMBER);
    assertThat(styleOf(SAMPLE, "10")).containsExactly(NUMBER);
    // A name that merely starts like a keyword or builtin stays plain.
    assertThat(styleOf("classes = lenient + import_x", "classes")).isEmpty();
    assertThat(styleOf("classes = lenient + import_x", "lenient")).isEmpty();
    assertThat(styleOf("classes = lenient + import_x", "import_x")).isEmpty();
  }

  @Test
  void aHashInsideAStringIsStringAndAfterItIsAComment() {
    assertThat(styleOf(SAMPLE, "'none # not a comment'")).containsExactly(STRING);
    assertThat(styleOf(SAMPLE, "not a comment")).containsExactly(STRING);
    assertThat(styleOf(SAMPLE, "# the lakehouse client")).containsExactly(COMMENT);
    assertThat(styleOf(SAMPLE, "'#' in a docstring")).containsExactly(STRING);
    assertThat(styleOf(SAMPLE, "is #")).containsExactly(STRING);
  }

  @Test
  void fStringsHighlightTheirExpressionsButNotDoubledBraces() {
    assertThat(styleOf(SAMPLE, "f\"")).containsExactly(STRING);
    assertThat(styleOf(SAMPLE, "{row['kind']!r}")).containsExactly(INTERPOLATION);
    assertThat(styleOf(SAMPLE, "{limit:>3}")).containsExactly(INTERPOLATION);
    String literal = "x = f'{{not}} {y}' + 1";
    assertThat(styleOf(literal, "{{not}}")).containsExactly(STRING);
    assertThat(styleOf(literal, "{y}")).containsExactly(INTERPOLATION);
    assertThat(styleOf(literal, "1")).containsExactly(NUMBER);
  }

  @Test
  void anUnterminatedStringEndsWithItsLine() {
    String code = "name = 'unclosed\nif name:\n    print(\"also open\nreturn 2";
    assertThat(styleOf(code, "'unclosed")).containsExactly(STRING);
    assertThat(styleIn(code, "if name", "if")).containsExactly(KEYWORD);
    assertThat(styleOf(code, "print")).containsExactly(BUILTIN);
    assertThat(styleOf(code, "\"also open")).containsExactly(STRING);
    assertThat(styleOf(code, "return")).containsExactly(KEYWORD);
    assertThat(PythonHighlighter.spans(code).length()).isEqualTo(code.length());
  }

  @Test
  void anUnterminatedTripleQuotedStringRunsToTheEnd() {
    String code = "x = 1\ndoc = \"\"\"starts here\nif not closed: return\n";
    assertThat(styleOf(code, "1")).containsExactly(NUMBER);
    assertThat(styleOf(code, "if not closed: return")).containsExactly(STRING);
    assertThat(PythonHighlighter.spans(code).length()).isEqualTo(code.length());
    String closed = "s = '''a 'quoted' \"word\"\n''' if True else b'\\x00'";
    assertThat(styleOf(closed, "'quoted'")).containsExactly(STRING);
    assertThat(styleIn(closed, "if True", "if")).containsExactly(KEYWORD);
    assertThat(styleOf(closed, "True")).containsExactly(CONSTANT);
    assertThat(styleOf(closed, "b'\\x00'")).containsExactly(STRING);
  }

  @Test
  void anEscapedQuoteDoesNotEndTheString() {
    String code = "s = 'it\\'s # here' # real comment";
    assertThat(styleOf(code, "s # here'")).containsExactly(STRING);
    assertThat(styleOf(code, "# real comment")).containsExactly(COMMENT);
  }

  /** The style of {@code word} where it appears in {@code context}. */
  private static Collection<String> styleIn(String code, String context, String word) {
    int at = code.indexOf(context);
    assertThat(at).as("'%s' in the code", context).isNotNegative();
    return styleOf(code, at + context.indexOf(word), word);
  }

  /** The one style every character of {@code fragment} (first occurrence) has; fails if mixed. */
  private static Collection<String> styleOf(String code, String fragment) {
    int at = code.indexOf(fragment);
    assertThat(at).as("'%s' in the code", fragment).isNotNegative();
    return styleOf(code, at, fragment);
  }

  private static Collection<String> styleOf(String code, int at, String fragment) {
    StyleSpans<Collection<String>> spans = PythonHighlighter.spans(code);
    Collection<String> first = styleAt(spans, at);
    for (int i = at; i < at + fragment.length(); i++) {
      assertThat(styleAt(spans, i)).as("style at %d of '%s'", i - at, fragment).isEqualTo(first);
    }
    return first;
  }

  private static Collection<String> styleAt(StyleSpans<Collection<String>> spans, int offset) {
    int end = 0;
    for (StyleSpan<Collection<String>> span : spans) {
      end += span.getLength();
      if (offset < end) {
        return span.getStyle();
      }
    }
    throw new AssertionError("offset " + offset + " beyond the spans");
  }
}
