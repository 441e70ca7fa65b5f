package dev.airlock.report;

import dev.airlock.agent.BudgetWords;
import dev.airlock.agent.Risk;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import dev.airlock.report.ReportSink.Fact;
import dev.airlock.report.ReportSink.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One turn of a report: the model's answer (reasoning, code, done claim), the decision on the code
 * (verdict, who, when, the diff of an edit, the feedback), the execution and its output, the
 * lakehouse calls and data effects, and the turn's merge requests ({@link MergeSection}).
 */
final class TurnSection {
  /** A turn in a few words and a tone: for its heading and the table of contents. */
  record Summary(String words, Tone tone) {}

  private final ReportSink sink;
  private final ReportWords words;
  private final MergeSection merges;
  private final DataSection data;

  TurnSection(ReportSink sink, ReportWords words) {
    this.sink = sink;
    this.words = words;
    this.merges = new MergeSection(sink, words);
    this.data = new DataSection(sink, words);
  }

  static String anchor(TurnRecord t) {
    return "turn-" + t.turn();
  }

  static Summary summary(TurnRecord t) {
    RunEvent.Decided d = t.decision();
    RunEvent.ExecutionFinished x = t.execution();
    if (d != null) {
      String verdict = verdict(d);
      Tone tone = verdictTone(d);
      if (x != null) {
        boolean ok = "OK".equals(x.status());
        return new Summary(
            verdict + ", " + x.status().toLowerCase(Locale.ROOT), ok ? tone : Tone.WARN);
      }
      return new Summary(verdict, tone);
    }
    RunEvent.ResponseParsed p = t.parsed();
    if (p != null && p.formatError() != null) {
      return new Summary("format error", Tone.WARN);
    }
    if (p != null && p.done() != null) {
      return new Summary("done claimed", Tone.GOOD);
    }
    if (t.approval() != null) {
      return new Summary("waiting for approval", Tone.WARN);
    }
    return new Summary(t.response() == null ? "no answer" : "answered", Tone.PLAIN);
  }

  static Tone verdictTone(RunEvent.Decided d) {
    return switch (d.verdict()) {
      case APPROVE, APPROVE_EDITED -> Tone.GOOD;
      case REJECT, STOP -> Tone.BAD;
    };
  }

  static String verdict(RunEvent.Decided d) {
    return switch (d.verdict()) {
      case APPROVE -> "approved";
      case APPROVE_EDITED -> "approved with edits";
      case REJECT -> "rejected";
      case STOP -> "stopped";
    };
  }

  void write(TurnRecord t) {
    Summary sum = summary(t);
    sink.heading(2, anchor(t), "Turn " + t.turn(), sum.words(), sum.tone());
    model(t);
    t.notices().forEach(n -> sink.note(tone(n.severity()), words.clean(n.message())));
    answer(t);
    decision(t);
    execution(t);
    data.write(t);
    t.merges().forEach(m -> merges.write(m, t.mergeDecisions()));
    t.postMergeChecks().forEach(merges::postMerge);
    for (RunEvent e : t.events()) {
      if (e instanceof RunEvent.DecisionWithdrawn w) {
        sink.note(
            Tone.WARN,
            "The "
                + ("merge".equals(w.kind())
                    ? "merge review"
                    : "budget".equals(w.kind()) ? "budget question" : "approval")
                + " was withdrawn unanswered: "
                + words.clean(w.reason()));
      } else if (e instanceof RunEvent.PolicyChanged c) {
        // Who relaxed (or tightened) the approval policy is part of the run's decisions.
        sink.note(
            Tone.WARN,
            "The approval policy changed from "
                + words.clean(c.from())
                + " to "
                + words.clean(c.to())
                + ", by "
                + words.clean(c.by()));
      } else if (e instanceof RunEvent.BudgetReached r) {
        sink.note(Tone.WARN, words.clean(capital(BudgetWords.reached(r))));
      } else if (e instanceof RunEvent.BudgetDecided d) {
        sink.note(Tone.WARN, "Budget decision: " + words.clean(BudgetWords.decided(d)));
      }
    }
  }

  private void model(TurnRecord t) {
    List<Fact> facts = new ArrayList<>();
    if (t.request() != null) {
      facts.add(new Fact("Asked", ReportWords.time(t.request().at())));
      facts.add(
          new Fact(
              "Sent",
              ReportWords.plural(
                      t.request().messages() == null ? 0 : t.request().messages().size(),
                      "message",
                      "messages")
                  + " to "
                  + words.clean(t.request().model())));
    }
    RunEvent.ModelResponded r = t.response();
    if (r != null) {
      String retries = r.attempts() > 1 ? ", " + r.attempts() + " attempts" : "";
      facts.add(new Fact("Answered", "in " + ReportWords.seconds(r.latencyMs()) + retries));
      facts.add(new Fact("Usage", ReportWords.usage(r.usage(), r.costUsd())));
    }
    if (!facts.isEmpty()) {
      sink.facts(facts);
    }
  }

  private void answer(TurnRecord t) {
    RunEvent.ResponseParsed p = t.parsed();
    if (p == null) {
      if (t.response() != null) {
        sink.block("The model's answer", ReportWords.cut(words.clean(t.response().raw())), "text");
      }
      return;
    }
    if (p.reasoning() != null && !p.reasoning().isBlank()) {
      sink.heading(3, null, "Reasoning", null, Tone.PLAIN);
      sink.text(words.clean(p.reasoning()));
    }
    if (p.formatError() != null) {
      sink.note(Tone.WARN, "Format error: " + words.clean(p.formatError()));
      if (t.response() != null) {
        sink.block(
            "The model's answer, as written",
            ReportWords.cut(words.clean(t.response().raw())),
            "text");
      }
    }
    if (p.code() != null) {
      sink.heading(3, null, "Code", null, Tone.PLAIN);
      if (p.packages() != null && !p.packages().isEmpty()) {
        sink.facts(List.of(new Fact("Packages", words.clean(String.join(", ", p.packages())))));
      }
      sink.block("Proposed by the model", words.clean(p.code()), "python");
    }
    if (p.done() != null) {
      sink.heading(3, null, "Done claim", null, Tone.GOOD);
      if (p.code() != null) {
        sink.note(Tone.PLAIN, "Claimed with this code: accepted only after its output was seen.");
      }
      sink.text(p.done().isBlank() ? "(no summary)" : words.clean(p.done()));
    }
  }

  private void decision(TurnRecord t) {
    RunEvent.Decided d = t.decision();
    RunEvent.ApprovalRequested a = t.approval();
    if (d == null && a == null) {
      return;
    }
    sink.heading(
        3,
        null,
        "Decision",
        d == null ? "waiting" : verdict(d),
        d == null ? Tone.WARN : verdictTone(d));
    if (a != null && !a.risks().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (Risk r : a.risks()) {
        rows.add(
            List.of(
                words.clean(r.rule()),
                String.valueOf(r.line()),
                words.clean(r.excerpt()),
                words.clean(r.why())));
      }
      sink.table(List.of("Risk", "Line", "Code", "Why it was asked"), rows, List.of());
    }
    if (d == null) {
      sink.note(Tone.WARN, "Waiting for a decision (policy " + words.clean(a.policy()) + ").");
      return;
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Verdict", verdict(d), verdictTone(d)));
    facts.add(new Fact("By", words.clean(d.by())));
    facts.add(new Fact("At", ReportWords.time(d.at())));
    if (d.executedSha256() != null) {
      facts.add(new Fact("Code sha256", words.clean(d.executedSha256())));
    }
    sink.facts(facts);
    if (d.feedback() != null && !d.feedback().isBlank()) {
      sink.block("Feedback to the model", words.clean(d.feedback()), "text");
    }
    if (d.diff() != null) {
      sink.block("The edit (proposed → run)", words.clean(d.diff()), "diff");
    }
    if (d.executedCode() != null && !Objects.equals(d.executedCode(), d.proposedCode())) {
      sink.block("The code that ran", words.clean(d.executedCode()), "python");
    }
  }

  private void execution(TurnRecord t) {
    RunEvent.ExecutionFinished x = t.execution();
    if (x == null) {
      if (t.started() != null) {
        sink.heading(3, null, "Execution", "running", Tone.WARN);
      }
      return;
    }
    boolean ok = "OK".equals(x.status());
    String status = x.status().toLowerCase(Locale.ROOT);
    sink.heading(3, null, "Execution", status, ok ? Tone.GOOD : Tone.BAD);
    List<Fact> facts = new ArrayList<>();
    facts.add(
        new Fact(
            "Status",
            status + (x.exitCode() == null ? "" : " (exit " + x.exitCode() + ")"),
            ok ? Tone.GOOD : Tone.BAD));
    facts.add(new Fact("Duration", ReportWords.seconds(x.durationMs())));
    if (t.started() != null) {
      facts.add(new Fact("Sandbox", words.clean(t.started().sandbox())));
    }
    if (x.error() != null) {
      facts.add(new Fact("Error", words.clean(x.error()), Tone.BAD));
    }
    if (x.missingPackages() != null && !x.missingPackages().isEmpty()) {
      facts.add(new Fact("Missing packages", words.clean(String.join(", ", x.missingPackages()))));
    }
    sink.facts(facts);
    if (x.stdoutDroppedBytes() + x.stderrDroppedBytes() > 0) {
      sink.note(
          Tone.WARN,
          "The output went over the sandbox's cap: "
              + (x.stdoutDroppedBytes() + x.stderrDroppedBytes())
              + " bytes were dropped before the transcript kept it.");
    }
    output("Output (stdout)", x.stdout());
    output("Errors (stderr)", x.stderr());
  }

  private void output(String caption, String text) {
    if (text != null && !text.isEmpty()) {
      sink.block(caption, ReportWords.cut(words.clean(text.stripTrailing())), "text");
    }
  }

  private static Tone tone(RunEvent.Notice.Severity severity) {
    return switch (severity) {
      case INFO -> Tone.PLAIN;
      case WARNING -> Tone.WARN;
      case ERROR -> Tone.BAD;
    };
  }

  private static String capital(String line) {
    return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }
}
