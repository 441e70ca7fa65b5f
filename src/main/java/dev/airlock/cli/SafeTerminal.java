package dev.airlock.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A terminal stream that shows control characters instead of obeying them. Model text, code and
 * sandbox output are untrusted: an escape sequence or a carriage return in a proposal could move
 * the cursor and hide the line a supervisor is about to approve, or fake a status line; a
 * bidirectional override can show code in an order other than the one it runs in. Only newlines and
 * tabs pass; invisible formatting characters are shown as {@code \\uXXXX}; Airlock's own control
 * output goes through {@link #raw}.
 */
final class SafeTerminal extends PrintStream {
  SafeTerminal(OutputStream out) {
    super(out, true, StandardCharsets.UTF_8);
  }

  static SafeTerminal wrap(PrintStream out) {
    return out instanceof SafeTerminal safe ? safe : new SafeTerminal(out);
  }

  @Override
  public void print(String s) {
    super.print(clean(s));
  }

  @Override
  public void print(Object o) {
    print(String.valueOf(o));
  }

  @Override
  public void print(char c) {
    print(String.valueOf(c));
  }

  /**
   * {@code out} showing control characters instead of obeying them: for commands that print
   * lakehouse contents (commit messages and properties, column names, values, lineage), all of
   * which the agent's code may have written.
   */
  static PrintWriter writer(PrintWriter out) {
    return out instanceof SafeWriter ? out : new SafeWriter(out);
  }

  private static final class SafeWriter extends PrintWriter {
    SafeWriter(PrintWriter out) {
      super(out, true);
    }

    @Override
    public void write(String s, int off, int len) {
      String safe = clean(s.substring(off, off + len));
      super.write(safe, 0, safe.length());
    }

    @Override
    public void write(char[] buf, int off, int len) {
      write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(int c) {
      write(String.valueOf((char) c), 0, 1);
    }
  }

  /** Writes Airlock's own text unfiltered (e.g. the carriage return of a progress line). */
  void raw(String s) {
    super.print(s);
  }

  static String clean(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      boolean invisible = !control && hidesText(c);
      if ((control || invisible) && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(c == 0x1b ? "␛" : String.format("\\x%02x", (int) c));
        } else if (invisible) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Bidirectional overrides and isolates, zero-width characters and the BOM: they print nothing
   * themselves but can reorder or hide what a supervisor reads ("Trojan Source"): code shown in one
   * order runs in another.
   */
  private static boolean hidesText(char c) {
    return c == 0x061c
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfeff;
  }
}
