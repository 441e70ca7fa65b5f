package dev.airlock.cli;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import java.util.List;
import java.util.Locale;

/** Text renderings of run events, shared by the live printer and {@code airlock replay}. */
final class TurnText {
  private TurnText() {}

  static String header(RunEvent.RunStarted s) {
    StringBuilder b = new StringBuilder();
    b.append("Run ")
        .append(s.runId())
        .append(" — model ")
        .append(s.model())
        .append(", approval ")
        .append(s.approval())
        .append(", at most ")
        .append(s.maxTurns())
        .append(" turns\n");
    b.append("sandbox: ")
        .append(s.sandbox())
        .append(s.isolated() ? "" : "  (NOT ISOLATED)")
        .append('\n');
    if (s.rawUri() != null) {
      b.append("raw data: ").append(s.rawUri()).append('\n');
    }
    if (s.branch() != null) {
      b.append("branch: ").append(s.branch()).append('\n');
    }
    if (s.forkedFrom() != null) {
      b.append("forked from: ").append(s.forkedFrom()).append('\n');
    }
    return b.toString().stripTrailing();
  }

  static String response(RunEvent.ModelResponded r) {
    String retries = r.attempts() > 1 ? ", " + r.attempts() + " attempts" : "";
    return "  answered in "
        + seconds(r.latencyMs())
        + " ("
        + usage(r.usage(), r.costUsd())
        + retries
        + ")";
  }

  static String parsed(RunEvent.ResponseParsed p, boolean showCode) {
    StringBuilder b = new StringBuilder();
    if (p.reasoning() != null && !p.reasoning().isBlank()) {
      b.append("reasoning: ")
          .append(indent(p.reasoning().strip(), "           ").strip())
          .append('\n');
    }
    if (p.packages() != null && !p.packages().isEmpty()) {
      b.append("packages: ").append(String.join(", ", p.packages())).append('\n');
    }
    if (p.code() != null && showCode) {
      b.append("code:\n").append(numbered(p.code()));
    }
    if (p.done() != null) {
      b.append("done: ")
          .append(p.done().isBlank() ? "(no summary)" : p.done().strip())
          .append('\n');
    }
    if (p.formatError() != null) {
      b.append("format error: ").append(p.formatError()).append('\n');
    }
    return b.toString();
  }

  static String decision(RunEvent.Decided d) {
    String what =
        switch (d.verdict()) {
          case APPROVE -> "✔ approved";
          case APPROVE_EDITED -> "✎ approved with edits";
          case REJECT -> "✘ rejected";
          case STOP -> "■ stopped";
        };
    StringBuilder b = new StringBuilder(what).append(" by ").append(d.by());
    if (d.executedSha256() != null) {
      b.append(" (sha256 ").append(d.executedSha256(), 0, 12).append(")");
    }
    if (d.feedback() != null && !d.feedback().isBlank()) {
      b.append(": ").append(d.feedback());
    }
    if (d.diff() != null) {
      b.append('\n').append(indent(d.diff().stripTrailing(), "  "));
    }
    return b.toString();
  }

  static String executionSummary(RunEvent.ExecutionFinished f) {
    StringBuilder b = new StringBuilder("■ ").append(f.status().toLowerCase(Locale.ROOT));
    if (f.exitCode() != null) {
      b.append(" (exit ").append(f.exitCode()).append(")");
    }
    b.append(" in ").append(seconds(f.durationMs()));
    if (f.error() != null) {
      b.append(" — ").append(f.error());
    }
    if (f.missingPackages() != null && !f.missingPackages().isEmpty()) {
      b.append("\n  missing packages: ").append(String.join(", ", f.missingPackages()));
    }
    if (f.stdoutDroppedBytes() + f.stderrDroppedBytes() > 0) {
      b.append("\n  output over the cap: ")
          .append(f.stdoutDroppedBytes() + f.stderrDroppedBytes())
          .append(" bytes dropped");
    }
    return b.toString();
  }

  static String lakehouseCall(RunEvent.LakehouseCall c) {
    java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
    if (c.params() != null) {
      c.params()
          .forEach(
              (k, v) -> {
                if (v != null && !Boolean.FALSE.equals(v)) {
                  shown.put(k, v);
                }
              });
    }
    String params = shown.isEmpty() ? "" : " " + shown;
    String outcome =
        c.ok() ? (c.result() == null ? "ok" : c.result()) : c.errorType() + ": " + c.errorMessage();
    return "  ⛁ " + c.method() + params + " → " + outcome;
  }

  static String dataChanged(RunEvent.DataChanged d) {
    String rows = d.rows() == null ? "" : ", " + d.rows() + " rows";
    return "  ⛁ "
        + d.operation()
        + " on "
        + d.ref()
        + (d.table() == null ? "" : " (" + d.table() + rows + ")")
        + ": "
        + shortHash(d.commitBefore())
        + " → "
        + shortHash(d.commitAfter());
  }

  static String mergeDecided(RunEvent.MergeDecided d) {
    return (d.approved() ? "✔ merge of " : "✘ merge of ")
        + d.source()
        + " into "
        + d.target()
        + (d.approved() ? " approved by " : " refused by ")
        + d.by()
        + (d.reason() == null ? "" : ": " + d.reason())
        + (d.endsRun() ? " (the run ends)" : "");
  }

  /** The 12-character form of a commit hash every command prints. */
  static String shortHash(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }

  /** "1200 tokens in, 30 out, $0.0026": usage as every rendering shows it. */
  static String usage(Usage u, Double cost) {
    Usage usage = u == null ? Usage.NONE : u;
    return usage.inputTokens()
        + " tokens in, "
        + usage.outputTokens()
        + " out"
        + (cost == null ? "" : String.format(Locale.ROOT, ", $%.4f", cost));
  }

  static String finished(RunEvent.RunFinished f) {
    StringBuilder b =
        new StringBuilder("Run ")
            .append(f.status().name().toLowerCase(Locale.ROOT))
            .append(" after ")
            .append(f.turns())
            .append(f.turns() == 1 ? " turn" : " turns")
            .append(": ")
            .append(f.reason())
            .append(" (")
            .append(usage(f.usage(), f.costUsd()))
            .append(")");
    if (f.summary() != null && !f.summary().isBlank()) {
      b.append("\nsummary: ").append(f.summary().strip());
    }
    return b.toString();
  }

  /** The whole run, turn by turn, from its transcript. */
  static String replay(RunHistory h) {
    StringBuilder b = new StringBuilder(header(h.started())).append('\n');
    for (TurnRecord t : h.turns()) {
      b.append("\n── turn ").append(t.turn()).append(" ──\n");
      if (t.request() != null) {
        List<ChatMessage> m = t.request().messages();
        ChatMessage last = m.get(m.size() - 1);
        b.append("sent ")
            .append(m.size())
            .append(" messages to ")
            .append(t.request().model())
            .append("; the last (")
            .append(last.role().name().toLowerCase(Locale.ROOT))
            .append("):\n")
            .append(indent(abbreviate(last.content().strip(), 1200), "  > "))
            .append('\n');
      }
      if (t.response() != null) {
        b.append(response(t.response())).append('\n');
      }
      if (t.parsed() != null) {
        b.append(parsed(t.parsed(), true));
      }
      if (t.decision() != null) {
        b.append(decision(t.decision())).append('\n');
      }
      if (t.execution() != null) {
        appendOutput(b, "stdout", t.execution().stdout());
        appendOutput(b, "stderr", t.execution().stderr());
        b.append(executionSummary(t.execution())).append('\n');
      }
      t.lakehouseCalls().forEach(c -> b.append(lakehouseCall(c)).append('\n'));
      t.dataChanges().forEach(d -> b.append(dataChanged(d)).append('\n'));
      t.merges().forEach(m -> b.append(MergeText.replay(m)).append('\n'));
      t.mergeDecisions().forEach(m -> b.append(mergeDecided(m)).append('\n'));
      t.postMergeChecks()
          .forEach(
              p ->
                  b.append(
                          p.passed()
                              ? "✔ post-merge check on main passed: "
                              : "✘ POST-MERGE CHECK FAILED on main: ")
                      .append(p.summary())
                      .append('\n'));
      t.notices()
          .forEach(
              n ->
                  b.append(n.severity().name().toLowerCase(Locale.ROOT))
                      .append(": ")
                      .append(n.message())
                      .append('\n'));
    }
    b.append('\n');
    if (h.finished() != null) {
      b.append(finished(h.finished())).append('\n');
    } else if (h.writerAlive()) {
      b.append(
          "The run is still going: it has no end record yet and its process is writing the transcript.\n");
    } else {
      b.append(
          "The run was interrupted: it has no end record and no process is writing it"
              + " (killed or crashed after the events above).\n");
    }
    h.skippedLines()
        .forEach(
            l ->
                b.append("(line ")
                    .append(l.number())
                    .append(" of the transcript is not a record and was skipped: ")
                    .append(l.reason())
                    .append(")\n"));
    if (h.truncated()) {
      b.append("(the transcript's last line was cut short and was skipped)\n");
    }
    return b.toString();
  }

  private static void appendOutput(StringBuilder b, String name, String text) {
    if (text != null && !text.isEmpty()) {
      b.append(name).append(":\n").append(indent(text.stripTrailing(), "  │ ")).append('\n');
    }
  }

  static String numbered(String code) {
    StringBuilder b = new StringBuilder();
    String[] lines = code.split("\\R", -1);
    int n = code.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < n; i++) {
      b.append(String.format(Locale.ROOT, "%4d | %s%n", i + 1, lines[i]));
    }
    return b.toString();
  }

  static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max
        ? s
        : s.substring(0, max) + " […" + (s.length() - max) + " more characters]";
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }
}
