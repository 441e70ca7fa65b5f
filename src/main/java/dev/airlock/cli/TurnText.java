package dev.airlock.cli;

import dev.airlock.agent.BudgetWords;
import dev.airlock.agent.EventWords;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.RunEvent;
import dev.airlock.lakehouse.CommitHash;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text renderings of run events, one per part of a turn, shared by the live printer and {@code
 * airlock replay}.
 */
final class TurnText {
  /**
   * Marks each line of sandbox output, live and in replays: the agent's code writes it, so it must
   * not pass for a line of Airlock's own (a fake "✔ approved").
   */
  static final String OUTPUT_PREFIX = "  │ ";

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
    String rules = s.settings() == null ? null : s.settings().get(PolicyRules.SETTING);
    if (rules != null) {
      b.append("policy rules: ").append(rules).append('\n');
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

  /** What the parser made of a response: the proposal, the done claim, the format error. */
  static String parsed(RunEvent.ResponseParsed p) {
    StringBuilder b = new StringBuilder(proposal(p.reasoning(), p.packages(), p.code()));
    if (p.done() != null) {
      b.append(doneClaim(p)).append('\n');
    }
    if (p.formatError() != null) {
      b.append("format error: ").append(p.formatError()).append('\n');
    }
    return b.toString();
  }

  /**
   * The reasoning, packages and numbered code of a proposal: in the run's log and replay, and in
   * the terminal supervisor's approval prompt.
   */
  static String proposal(String reasoning, List<String> packages, String code) {
    StringBuilder b = new StringBuilder();
    if (reasoning != null && !reasoning.isBlank()) {
      b.append("reasoning: ").append(indent(reasoning.strip(), "           ").strip()).append('\n');
    }
    if (packages != null && !packages.isEmpty()) {
      b.append("packages: ").append(String.join(", ", packages)).append('\n');
    }
    if (code != null) {
      b.append("code:\n").append(numbered(code));
    }
    return b.toString();
  }

  /** A done claim; one that comes with code counts only once that code's output is seen. */
  static String doneClaim(RunEvent.ResponseParsed p) {
    String summary = p.done().isBlank() ? "(no summary)" : p.done().strip();
    return p.code() == null
        ? "done: " + summary
        : "done (claimed with this code; accepted only after its output): " + summary;
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
      b.append(" (sha256 ").append(CommitHash.abbreviate(d.executedSha256())).append(")");
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
    Map<String, Object> shown = new LinkedHashMap<>();
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
    return "  ⛁ " + EventWords.dataChanged(d);
  }

  /** "⇄ approval policy ask → auto by human:alice, from the next decision on". */
  static String policyChanged(RunEvent.PolicyChanged c) {
    return "⇄ approval policy "
        + c.from()
        + " → "
        + c.to()
        + " by "
        + c.by()
        + ", from the next decision on";
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

  /**
   * The heading of a turn: "── turn 2 ── asking MODEL (5 messages)". Live it opens the turn; a
   * replay follows it with the last message sent, which a live viewer saw as the turn before.
   */
  static String request(RunEvent.ModelRequested r) {
    return "── turn "
        + r.turn()
        + " ── asking "
        + r.model()
        + " ("
        + r.messages().size()
        + " messages)";
  }

  /** The last message sent with a request, quoted (replay only: live it was the turn before). */
  static String lastMessage(RunEvent.ModelRequested r) {
    List<ChatMessage> m = r.messages();
    if (m.isEmpty()) {
      return "(no messages)";
    }
    ChatMessage last = m.get(m.size() - 1);
    return "the last of them ("
        + last.role().name().toLowerCase(Locale.ROOT)
        + "):\n"
        + indent(abbreviate(last.content().strip(), 1200), "  > ");
  }

  static String executionStarted(RunEvent.ExecutionStarted s) {
    return "▶ running (timeout " + s.timeoutMs() / 1000 + " s) in " + s.sandbox();
  }

  /** A run's stored output, each line marked as a live run streams it ({@link #OUTPUT_PREFIX}). */
  static String executionOutput(RunEvent.ExecutionFinished f) {
    StringBuilder b = new StringBuilder();
    appendOutput(b, "stdout", f.stdout());
    appendOutput(b, "stderr", f.stderr());
    return b.toString();
  }

  /**
   * The post-merge check on main; a failure names the command that undoes the merge (the event
   * carries the merge commit, so a replay says it too).
   */
  static String postMergeCheck(RunEvent.PostMergeChecked p) {
    if (p.passed()) {
      return "✔ post-merge check on main passed: " + p.summary();
    }
    String merge = CommitHash.abbreviate(p.mergeCommit());
    return "✘ POST-MERGE CHECK FAILED on main after merge "
        + merge
        + ": "
        + p.summary()
        + ". Undo it with: `airlock lakehouse revert-merge "
        + merge
        + "`";
  }

  static String notice(RunEvent.Notice n) {
    return n.severity().name().toLowerCase(Locale.ROOT) + ": " + n.message();
  }

  /** A question the run stopped before anyone answered. */
  static String withdrawn(RunEvent.DecisionWithdrawn w) {
    return "✘ the " + EventWords.question(w.kind()) + " was withdrawn unanswered: " + w.reason();
  }

  /** The model's stream broke and the request went again: what streamed so far is void. */
  static String streamRestarted(RunEvent.StreamRestarted r) {
    return "  the answer's stream broke; asking again (attempt "
        + r.attempt()
        + "), the response starts over";
  }

  /**
   * The text a persistent event adds to a turn, the same live and in a replay; null for events with
   * nothing to show. Only a replay adds to two parts: it quotes a request's last message ({@link
   * #lastMessage}) and shows an execution's output in one block ({@link #executionOutput}), which a
   * live run streams as it arrives (see {@link CliPrinter}).
   */
  static String part(RunEvent e) {
    if (e instanceof RunEvent.ModelRequested r) {
      return request(r);
    } else if (e instanceof RunEvent.ModelResponded r) {
      return response(r);
    } else if (e instanceof RunEvent.ResponseParsed p) {
      String text = parsed(p);
      return text.isEmpty() ? null : text.substring(0, text.length() - 1);
    } else if (e instanceof RunEvent.Decided d) {
      return decision(d);
    } else if (e instanceof RunEvent.ExecutionStarted s) {
      return executionStarted(s);
    } else if (e instanceof RunEvent.ExecutionFinished f) {
      return executionSummary(f);
    } else if (e instanceof RunEvent.LakehouseCall c) {
      return lakehouseCall(c);
    } else if (e instanceof RunEvent.DataChanged d) {
      return dataChanged(d);
    } else if (e instanceof RunEvent.MergeRequested m) {
      return MergeText.replay(m);
    } else if (e instanceof RunEvent.MergeDecided m) {
      return mergeDecided(m);
    } else if (e instanceof RunEvent.PostMergeChecked p) {
      return postMergeCheck(p);
    } else if (e instanceof RunEvent.Notice n) {
      return notice(n);
    } else if (e instanceof RunEvent.DecisionWithdrawn w) {
      return withdrawn(w);
    } else if (e instanceof RunEvent.PolicyChanged c) {
      return policyChanged(c);
    }
    // The approval request (the decision follows it) and the data effects (a sum of the data
    // changes shown) add nothing a reader does not see already; the budget's events are words.
    return BudgetWords.of(e);
  }

  private static void appendOutput(StringBuilder b, String name, String text) {
    if (text != null && !text.isEmpty()) {
      b.append(name).append(":\n").append(indent(text.stripTrailing(), OUTPUT_PREFIX)).append('\n');
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
