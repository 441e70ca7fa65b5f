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
import java.util.Map;

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
    b.calls(t.lakehouseCalls());
    b.effects(t);
    t.merges().forEach(b::merge);
    t.mergeDecisions().forEach(b::mergeDecided);
    t.postMergeChecks().forEach(b::postMerge);
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

  private void calls(List<RunEvent.LakehouseCall> calls) {
    if (calls.isEmpty()) {
      return;
    }
    section("Lakehouse calls", String.valueOf(calls.size()));
    for (RunEvent.LakehouseCall c : calls) {
      String head = (c.ok() ? "✓ " : "✗ ") + c.method() + params(c.params());
      String tail =
          c.ok()
              ? (c.result() == null ? "" : "  →  " + c.result())
              : "  →  " + c.errorType() + ": " + c.errorMessage();
      add(c.ok() ? Kind.BODY : Kind.ERROR, head + tail + "  (" + c.durationMs() + " ms)");
    }
  }

  private static String params(Map<String, Object> params) {
    if (params == null || params.isEmpty()) {
      return "()";
    }
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> parts.add(k + "=" + v));
    return "(" + String.join(", ", parts) + ")";
  }

  private void effects(TurnRecord t) {
    RunEvent.DataEffects e = t.dataEffects();
    if (e == null && t.dataChanges().isEmpty()) {
      return;
    }
    section("Data effects");
    if (e != null && e.branches() != null) {
      for (RunEvent.BranchEffect b : e.branches()) {
        add(
            Kind.BODY,
            b.branch()
                + "  "
                + shortHash(b.headBefore())
                + " → "
                + shortHash(b.headAfter())
                + "  ·  tables "
                + (b.tables() == null ? "" : String.join(", ", b.tables()))
                + "  ·  +"
                + b.rowsAdded()
                + " rows  ·  "
                + b.commits()
                + (b.commits() == 1 ? " commit" : " commits"));
      }
    }
    for (RunEvent.DataChanged c : t.dataChanges()) {
      add(
          Kind.MUTED,
          "  "
              + c.operation()
              + " "
              + (c.table() == null ? "" : c.table() + " ")
              + "on "
              + c.ref()
              + "  "
              + shortHash(c.commitBefore())
              + " → "
              + shortHash(c.commitAfter())
              + (c.rows() == null ? "" : "  ·  " + c.rows() + " rows"));
    }
  }

  private void merge(RunEvent.MergeRequested m) {
    section(
        "Merge request",
        m.source() + " → " + m.target(),
        "policy " + m.policy(),
        Boolean.TRUE.equals(m.checksPassed()) ? "checks passed" : "checks did not pass",
        time(m.at()));
    if (m.changes() != null) {
      for (RunEvent.TableChange c : m.changes()) {
        add(
            Kind.BODY,
            c.table()
                + "  "
                + c.change()
                + "  "
                + rows(c.rowsBefore())
                + " → "
                + rows(c.rowsAfter())
                + " rows"
                + (c.schemaChanges() == null || c.schemaChanges().isEmpty()
                    ? ""
                    : "  ·  schema: " + String.join("; ", c.schemaChanges())));
      }
    }
    if (m.verification() != null) {
      add(m.verification().passed() ? Kind.GOOD : Kind.ERROR, m.verification().summary());
      m.verification().problems().forEach(c -> add(Kind.ERROR, "  ✗ " + c.summary()));
    }
    if (m.provenance() != null) {
      m.provenance()
          .forEach(
              p ->
                  add(
                      Kind.MUTED,
                      "  "
                          + p.table()
                          + ": turn "
                          + p.turn()
                          + ", approved by "
                          + p.approvedBy()
                          + " ("
                          + p.how()
                          + ")"));
    }
  }

  private void mergeDecided(RunEvent.MergeDecided d) {
    section("Merge decision", d.approved() ? "approved" : "rejected", "by " + d.by(), time(d.at()));
    if (d.reason() != null && !d.reason().isBlank()) {
      fact("reason", d.reason());
    }
  }

  private void postMerge(RunEvent.PostMergeChecked p) {
    section("Post-merge check", p.passed() ? "passed" : "FAILED", shortHash(p.mergeCommit()));
    if (p.summary() != null) {
      add(p.passed() ? Kind.GOOD : Kind.ERROR, p.summary());
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

  private void section(String title, String... facts) {
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

  private void fact(String name, String value) {
    add(Kind.FACT, name + (value.isEmpty() ? ":" : ": " + value));
  }

  private void body(String text) {
    for (String line : cut(text).split("\n", -1)) {
      add(Kind.BODY, line);
    }
  }

  private void add(Kind kind, String text) {
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

  private static String time(Instant at) {
    return at == null ? null : TIME.format(at);
  }

  private static String shortHash(String hash) {
    return hash == null ? "∅" : hash.length() > 10 ? hash.substring(0, 10) : hash;
  }

  private static String rows(Long n) {
    return n == null ? "–" : String.format(Locale.ROOT, "%,d", n);
  }
}
