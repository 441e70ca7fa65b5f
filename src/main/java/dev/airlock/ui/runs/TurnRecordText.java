package dev.airlock.ui.runs;

import dev.airlock.agent.Risk;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything recorded about one turn as lines of text, each with its kind, without a toolkit: what
 * the turn record view shows, and what its tests read. Built from the {@link TurnRecord} the
 * projection folds, so a live turn and a replayed one read the same. Text from the model, the code
 * or the data is shown as it is (it is only ever displayed as text, never interpreted).
 */
public final class TurnRecordText {
  /** What a line is; the view styles each kind. */
  public enum Kind {
    SECTION,
    FACT,
    ROLE,
    BODY,
    ERROR,
    GOOD,
    ADDED,
    REMOVED,
    MUTED
  }

  public record Line(Kind kind, String text) {}

  /** Characters of one body shown at most (the transcript keeps all of it). */
  static final int MAX_BODY = 200_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final List<Line> lines = new ArrayList<>();

  private TurnRecordText() {}

  /** The lines for {@code t}; an empty turn (null) says so. */
  public static List<Line> of(TurnRecord t) {
    TurnRecordText b = new TurnRecordText();
    if (t == null) {
      b.add(Kind.MUTED, "No turn selected.");
      return b.lines;
    }
    b.request(t.request());
    b.response(t.response());
    b.parsed(t.parsed());
    b.approval(t.approval());
    b.decision(t.decision());
    b.execution(t.started(), t.execution());
    DataRecordText.append(b, t);
    b.notices(t.notices());
    return b.lines;
  }

  /** The lines as plain text, one a line (for copying and tests). */
  public static String plain(List<Line> lines) {
    StringBuilder s = new StringBuilder();
    lines.forEach(l -> s.append(l.text()).append('\n'));
    return s.toString();
  }

  private void request(RunEvent.ModelRequested r) {
    if (r == null) {
      section("Model request", "not sent");
      return;
    }
    List<ChatMessage> messages = r.messages() == null ? List.of() : r.messages();
    section(
        "Model request",
        messages.size() + (messages.size() == 1 ? " message" : " messages"),
        "model " + r.model(),
        time(r.at()));
    int i = 1;
    for (ChatMessage m : messages) {
      String role = m == null || m.role() == null ? "?" : m.role().name().toLowerCase(Locale.ROOT);
      add(Kind.ROLE, "[" + i++ + "] " + role);
      body(m == null ? "" : m.content());
    }
  }

  private void response(RunEvent.ModelResponded r) {
    if (r == null) {
      return;
    }
    List<String> facts = new ArrayList<>();
    Usage u = r.usage();
    if (u != null) {
      facts.add(
          String.format(Locale.ROOT, "%,d tok in / %,d out", u.inputTokens(), u.outputTokens()));
    }
    if (r.costUsd() != null) {
      facts.add(String.format(Locale.ROOT, "$%.4f", r.costUsd()));
    }
    facts.add(r.latencyMs() + " ms");
    facts.add(r.attempts() + (r.attempts() == 1 ? " attempt" : " attempts"));
    if (r.finishReason() != null) {
      facts.add("finish " + r.finishReason());
    }
    facts.add(time(r.at()));
    section("Raw response", facts.toArray(String[]::new));
    body(r.raw());
  }

  private void parsed(RunEvent.ResponseParsed p) {
    if (p == null) {
      return;
    }
    String kind = p.kind() == null ? "?" : p.kind().name().toLowerCase(Locale.ROOT);
    section("Parsed", kind.replace('_', ' '));
    if (p.packages() != null && !p.packages().isEmpty()) {
      fact("packages", String.join(", ", p.packages()));
    }
    if (p.done() != null) {
      fact("done", p.done());
    }
    if (p.formatError() != null) {
      add(Kind.ERROR, "format error: " + p.formatError());
    }
  }

  private void approval(RunEvent.ApprovalRequested a) {
    if (a == null) {
      return;
    }
    section("Approval asked", "policy " + a.policy(), time(a.at()));
    if (a.risks() != null) {
      for (Risk r : a.risks()) {
        add(Kind.ERROR, "risk " + r.rule() + " (line " + r.line() + "): " + r.why());
        add(Kind.MUTED, "    " + r.excerpt());
      }
    }
  }

  private void decision(RunEvent.Decided d) {
    if (d == null) {
      return;
    }
    String verdict = d.verdict() == null ? "?" : d.verdict().name().toLowerCase(Locale.ROOT);
    section("Decision", verdict.replace('_', ' '), "by " + d.by(), time(d.at()));
    if (d.feedback() != null && !d.feedback().isBlank()) {
      fact("feedback", "");
      body(d.feedback());
    }
    if (d.diff() != null && !d.diff().isBlank()) {
      fact("edit (proposed → executed)", "");
      for (String line : d.diff().split("\n", -1)) {
        add(
            line.startsWith("+") && !line.startsWith("+++")
                ? Kind.ADDED
                : line.startsWith("-") && !line.startsWith("---") ? Kind.REMOVED : Kind.BODY,
            line);
      }
    }
    if (d.executedSha256() != null) {
      add(Kind.MUTED, "executed code sha256 " + d.executedSha256());
    }
  }

  private void execution(RunEvent.ExecutionStarted s, RunEvent.ExecutionFinished f) {
    if (s == null && f == null) {
      return;
    }
    if (f == null) {
      section("Execution", "running in " + s.sandbox(), time(s.at()));
      return;
    }
    List<String> facts = new ArrayList<>();
    facts.add(String.valueOf(f.status()).toLowerCase(Locale.ROOT));
    if (f.exitCode() != null) {
      facts.add("exit " + f.exitCode());
    }
    facts.add(String.format(Locale.ROOT, "%.1f s", f.durationMs() / 1000.0));
    if (s != null) {
      facts.add(s.sandbox());
    }
    section("Execution", facts.toArray(String[]::new));
    if (f.error() != null) {
      add(Kind.ERROR, f.error());
    }
    if (f.missingPackages() != null && !f.missingPackages().isEmpty()) {
      add(Kind.ERROR, "missing packages: " + String.join(", ", f.missingPackages()));
    }
    stream("stdout", f.stdout(), f.stdoutDroppedBytes(), Kind.BODY);
    stream("stderr", f.stderr(), f.stderrDroppedBytes(), Kind.ERROR);
  }

  private void stream(String name, String text, long dropped, Kind kind) {
    if ((text == null || text.isEmpty()) && dropped == 0) {
      return;
    }
    add(Kind.ROLE, name + (dropped > 0 ? " (" + dropped + " bytes dropped)" : ""));
    for (String line : cut(text).split("\n", -1)) {
      add(kind, line);
    }
  }

  private void notices(List<RunEvent.Notice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    section("Notices", String.valueOf(notices.size()));
    for (RunEvent.Notice n : notices) {
      boolean bad = n.severity() != RunEvent.Notice.Severity.INFO;
      add(bad ? Kind.ERROR : Kind.BODY, n.severity() + "  " + n.message());
    }
  }

  // ---- building -----------------------------------------------------------------------------

  void section(String title, String... facts) {
    if (!lines.isEmpty()) {
      add(Kind.MUTED, "");
    }
    StringBuilder s = new StringBuilder(title.toUpperCase(Locale.ROOT));
    for (String f : facts) {
      if (f != null && !f.isEmpty()) {
        s.append("  ·  ").append(f);
      }
    }
    add(Kind.SECTION, s.toString());
  }

  void fact(String name, String value) {
    add(Kind.FACT, name + (value.isEmpty() ? ":" : ": " + value));
  }

  private void body(String text) {
    for (String line : cut(text).split("\n", -1)) {
      add(Kind.BODY, line);
    }
  }

  void add(Kind kind, String text) {
    lines.add(new Line(kind, oneLine(text)));
  }

  /** A line break or carriage return inside a line would start another; tabs stay. */
  private static String oneLine(String text) {
    return String.valueOf(text).replace('\r', '␍');
  }

  private static String cut(String text) {
    String t = text == null ? "" : text;
    return t.length() <= MAX_BODY
        ? t
        : t.substring(0, MAX_BODY)
            + "\n… cut here: "
            + (t.length() - MAX_BODY)
            + " more characters";
  }

  static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  static String shortHash(String hash) {
    return hash == null ? "∅" : hash.length() > 10 ? hash.substring(0, 10) : hash;
  }

  static String rows(Long n) {
    return n == null ? "–" : String.format(Locale.ROOT, "%,d", n);
  }
}
