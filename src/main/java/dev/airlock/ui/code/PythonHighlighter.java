package dev.airlock.ui.code;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Python syntax classes for a {@code CodeArea}: keywords, builtins, constants, strings (prefixed,
 * triple-quoted, f-strings with their {@code {expressions}}), comments, numbers, decorators and the
 * names that {@code def} and {@code class} introduce. A single left-to-right scan, not a parser: it
 * needs no toolkit, runs on any thread, and stays correct on half-typed code (an unterminated
 * string ends at the end of its line, an unterminated triple-quoted string at the end of the text).
 */
public final class PythonHighlighter {
  public static final String KEYWORD = "py-keyword";
  public static final String BUILTIN = "py-builtin";
  public static final String CONSTANT = "py-constant";
  public static final String STRING = "py-string";
  public static final String INTERPOLATION = "py-interpolation";
  public static final String COMMENT = "py-comment";
  public static final String NUMBER = "py-number";
  public static final String DECORATOR = "py-decorator";
  public static final String DEFINITION = "py-definition";

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");
  private static final Set<String> CONSTANTS = Set.of("True", "False", "None", "self", "cls");
  private static final Set<String> BUILTINS =
      Set.of(
          "abs",
          "all",
          "any",
          "bool",
          "bytes",
          "callable",
          "chr",
          "dict",
          "dir",
          "divmod",
          "enumerate",
          "Exception",
          "filter",
          "float",
          "format",
          "frozenset",
          "getattr",
          "hasattr",
          "hash",
          "id",
          "input",
          "int",
          "isinstance",
          "issubclass",
          "iter",
          "KeyError",
          "len",
          "list",
          "map",
          "max",
          "min",
          "next",
          "object",
          "open",
          "ord",
          "pow",
          "print",
          "range",
          "repr",
          "reversed",
          "round",
          "RuntimeError",
          "set",
          "setattr",
          "slice",
          "sorted",
          "str",
          "sum",
          "super",
          "tuple",
          "type",
          "TypeError",
          "ValueError",
          "vars",
          "zip");

  private PythonHighlighter() {}

  /** The style classes of every character of {@code code}; the spans cover it exactly. */
  public static StyleSpans<Collection<String>> spans(String code) {
    return new Scan(code).run();
  }

  /** One pass over the text, emitting (style, length) runs; unstyled text gets no class. */
  private static final class Scan {
    private final String s;
    private final StyleSpansBuilder<Collection<String>> out = new StyleSpansBuilder<>();
    private String pendingStyle;
    private int pendingLength;
    private int i;
    private String previousWord = "";
    private boolean spanned;

    Scan(String s) {
      this.s = s;
    }

    StyleSpans<Collection<String>> run() {
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        int start = i;
        if (c == '#') {
          i = lineEnd(i);
          emit(COMMENT, i - start);
        } else if (isQuote(c)) {
          string(start, start);
        } else if (Character.isDigit(c)
            || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
          i = numberEnd(i);
          emit(NUMBER, i - start);
        } else if (Character.isJavaIdentifierStart(c) && c != '$') {
          word(start);
        } else if (c == '@' && onlyIndentBefore(i)) {
          i++;
          while (i < n && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
          }
          emit(DECORATOR, i - start);
        } else {
          i++;
          emit(null, 1);
          if (!Character.isWhitespace(c)) {
            previousWord = "";
          }
        }
      }
      flush();
      if (!spanned) {
        out.add(List.of(), 0); // the builder needs a span, even for an empty text
      }
      return out.create();
    }

    private void word(int start) {
      int n = s.length();
      while (i < n && Character.isJavaIdentifierPart(s.charAt(i)) && s.charAt(i) != '$') {
        i++;
      }
      String word = s.substring(start, i);
      if (i < n && isQuote(s.charAt(i)) && isStringPrefix(word)) {
        string(start, i);
        return;
      }
      String style;
      if (previousWord.equals("def") || previousWord.equals("class")) {
        style = DEFINITION;
      } else if (KEYWORDS.contains(word)) {
        style = KEYWORD;
      } else if (CONSTANTS.contains(word)) {
        style = CONSTANT;
      } else if (BUILTINS.contains(word) && !afterDot(start)) {
        style = BUILTIN;
      } else {
        style = null;
      }
      emit(style, i - start);
      previousWord = word;
    }

    /** A string literal starting at {@code start} (its prefix), its quote at {@code quoteAt}. */
    private void string(int start, int quoteAt) {
      String prefix = s.substring(start, quoteAt).toLowerCase();
      boolean formatted = prefix.contains("f");
      char quote = s.charAt(quoteAt);
      boolean triple = s.startsWith(String.valueOf(quote).repeat(3), quoteAt);
      int open = triple ? 3 : 1;
      emit(STRING, quoteAt - start + open);
      i = quoteAt + open;
      int n = s.length();
      int runStart = i;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < n) {
          i += 2; // an escape; in a raw string too, a backslash keeps the quote after it
        } else if (!triple && (c == '\n' || c == '\r')) {
          break; // unterminated: the string ends with its line
        } else if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
          i += open;
          break;
        } else if (formatted && c == '{' && i + 1 < n && s.charAt(i + 1) == '{') {
          i += 2;
        } else if (formatted && c == '{') {
          emit(STRING, i - runStart);
          int exprStart = i;
          i = interpolationEnd(i, quote, triple);
          emit(INTERPOLATION, i - exprStart);
          runStart = i;
        } else {
          i++;
        }
      }
      emit(STRING, Math.min(i, n) - runStart);
      i = Math.min(i, n);
      previousWord = "";
    }

    /** The end of an f-string's {@code {...}}: the matching brace, the quote, or the line end. */
    private int interpolationEnd(int at, char quote, boolean triple) {
      int depth = 0;
      int j = at;
      while (j < s.length()) {
        char c = s.charAt(j);
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
          if (depth == 0) {
            return j + 1;
          }
        } else if (c == quote || (!triple && (c == '\n' || c == '\r'))) {
          return j;
        }
        j++;
      }
      return j;
    }

    private int numberEnd(int at) {
      int n = s.length();
      int j = at;
      if (s.startsWith("0x", j)
          || s.startsWith("0X", j)
          || s.startsWith("0o", j)
          || s.startsWith("0b", j)) {
        j += 2;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        return j;
      }
      while (j < n) {
        char c = s.charAt(j);
        boolean exponentSign =
            (c == '+' || c == '-') && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E');
        if (Character.isDigit(c)
            || c == '_'
            || c == '.'
            || c == 'e'
            || c == 'E'
            || c == 'j'
            || c == 'J'
            || exponentSign) {
          j++;
        } else {
          return j;
        }
      }
      return j;
    }

    private boolean onlyIndentBefore(int at) {
      for (int j = at - 1; j >= 0 && s.charAt(j) != '\n'; j--) {
        if (s.charAt(j) != ' ' && s.charAt(j) != '\t') {
          return false;
        }
      }
      return true;
    }

    private boolean afterDot(int at) {
      return at > 0 && s.charAt(at - 1) == '.';
    }

    private int lineEnd(int at) {
      int j = at;
      while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
        j++;
      }
      return j;
    }

    private static boolean isQuote(char c) {
      return c == '\'' || c == '"';
    }

    private static boolean isStringPrefix(String word) {
      return word.length() <= 2 && word.toLowerCase().matches("[rbuf]|rb|br|fr|rf");
    }

    private void emit(String style, int length) {
      if (length <= 0) {
        return;
      }
      if (Objects.equals(style, pendingStyle)) {
        pendingLength += length;
        return;
      }
      flush();
      pendingStyle = style;
      pendingLength = length;
    }

    private void flush() {
      if (pendingLength > 0) {
        spanned = true;
        out.add(pendingStyle == null ? List.of() : List.of(pendingStyle), pendingLength);
      }
      pendingLength = 0;
    }
  }
}
