package dev.airlock.report;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.agent.TurnRecord;
import dev.airlock.model.ChatMessage;
import dev.airlock.report.ReportSink.Fact;
import dev.airlock.report.ReportSink.Link;
import dev.airlock.report.ReportSink.Tone;
import dev.airlock.transcript.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as a report for someone who was not there: the task, the model, every turn (reasoning, the
 * code and the decision on it, the output, the lakehouse calls and data effects, merge requests
 * with their evidence), the outcome, usage and cost. Built from a {@link RunHistory} alone, so a
 * recorded run, a finished one and a live one (its events so far) export alike; a transcript cut
 * short exports up to its last good record and the report says where it stops.
 */
public final class RunReport {
  private final RunHistory history;
  private final String readNote;
  private final ReportWords words;

  private RunReport(RunHistory history, String readNote, Redactor redactor) {
    this.history = history;
    this.readNote = readNote;
    this.words = new ReportWords(redactor);
  }

  /** The report of a run read from its transcript; what could not be read is said in it. */
  public static RunReport of(RunHistory history, Redactor redactor) {
    return new RunReport(history, history.readNote(), redactor);
  }

  /**
   * The report of a run whose history was folded elsewhere (the console's): {@code readNote} is
   * what of its transcript could not be read, or null.
   */
  public static RunReport of(RunHistory history, String readNote, Redactor redactor) {
    return new RunReport(history, readNote, redactor);
  }

  /** The report's whole text. */
  public String render(ReportFormat format) {
    String runId = words.clean(history.started().runId());
    ReportSink sink =
        format == ReportFormat.HTML ? new HtmlSink("Airlock run " + runId) : new MarkdownSink();
    write(sink, runId);
    return sink.finish();
  }

  /** "RUN.html": a run id made safe as a file name, with the format's extension. */
  public static String fileName(String runId, ReportFormat format) {
    String id = runId == null ? "" : runId.replaceAll("[^A-Za-z0-9._-]", "_");
    return (id.isBlank() || id.startsWith(".") ? "run" + id : id) + "." + format.word();
  }

  private void write(ReportSink sink, String runId) {
    RunEvent.RunStarted s = history.started();
    RunStatus status = history.status();
    sink.title("Airlock run " + runId, subtitle(status));
    String stops = stopNote();
    if (stops != null) {
      sink.note(Tone.WARN, stops);
    }
    sink.contents(contents());
    sink.heading(2, "run", "Run", statusWord(status), tone(status));
    sink.facts(runFacts(s, status));
    String task = taskText();
    sink.heading(2, "task", "Task", null, Tone.PLAIN);
    if (task == null) {
      sink.text(
          "The task's text is not in the transcript: the run stopped before asking the model.");
    } else {
      sink.block("As the model was given it", task, "text");
    }
    TurnSection turns = new TurnSection(sink, words);
    history.turns().forEach(turns::write);
    outcome(sink, status, stops);
  }

  private String subtitle(RunStatus status) {
    RunEvent.RunFinished f = history.finished();
    String model = words.clean(history.started().model());
    String turns = ReportWords.plural(history.turns().size(), "turn", "turns");
    String usage = f == null ? "" : " · " + ReportWords.usage(f.usage(), f.costUsd());
    return "Model " + model + " · " + statusWord(status) + " after " + turns + usage;
  }

  private List<Link> contents() {
    List<Link> links = new ArrayList<>();
    links.add(new Link("run", "Run", Tone.PLAIN));
    links.add(new Link("task", "Task", Tone.PLAIN));
    for (TurnRecord t : history.turns()) {
      TurnSection.Summary sum = TurnSection.summary(t);
      links.add(
          new Link(TurnSection.anchor(t), "Turn " + t.turn() + ": " + sum.words(), sum.tone()));
    }
    RunStatus status = history.status();
    links.add(new Link("outcome", "Outcome: " + statusWord(status), tone(status)));
    return links;
  }

  private List<Fact> runFacts(RunEvent.RunStarted s, RunStatus status) {
    Map<String, String> settings = s.settings() == null ? Map.of() : s.settings();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Run", words.clean(s.runId())));
    facts.add(new Fact("Status", statusWord(status), tone(status)));
    facts.add(new Fact("Model", words.clean(s.model())));
    facts.add(new Fact("Started", ReportWords.time(s.at())));
    if (history.finished() != null) {
      facts.add(new Fact("Ended", ReportWords.time(history.finished().at())));
    }
    facts.add(new Fact("Approval policy", words.clean(s.approval())));
    if (settings.get("merge") != null) {
      facts.add(new Fact("Merge policy", words.clean(settings.get("merge"))));
    }
    facts.add(new Fact("Turn cap", String.valueOf(s.maxTurns())));
    facts.add(
        s.isolated()
            ? new Fact("Sandbox", words.clean(s.sandbox()))
            : new Fact("Sandbox", words.clean(s.sandbox()) + " (NOT ISOLATED)", Tone.BAD));
    addIfSet(facts, "Task from", settings.get("task"));
    addIfSet(facts, "Expectations", settings.get("expect"));
    addIfSet(facts, "Raw data", s.rawUri());
    addIfSet(facts, "Branch", s.branch());
    addIfSet(facts, "Forked from", s.forkedFrom());
    return facts;
  }

  private void addIfSet(List<Fact> facts, String label, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new Fact(label, words.clean(value)));
    }
  }

  /** The first request's task message: the last user message the model saw before turn 1. */
  private String taskText() {
    for (TurnRecord t : history.turns()) {
      if (t.request() != null && t.request().messages() != null) {
        for (ChatMessage m : t.request().messages()) {
          if (m.role() == ChatMessage.Role.USER) {
            return words.clean(m.content());
          }
        }
        return null;
      }
    }
    return null;
  }

  private void outcome(ReportSink sink, RunStatus status, String stops) {
    RunEvent.RunFinished f = history.finished();
    sink.heading(2, "outcome", "Outcome", statusWord(status), tone(status));
    if (f == null) {
      sink.note(Tone.WARN, stops);
      return;
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Status", statusWord(status), tone(status)));
    facts.add(new Fact("Reason", words.clean(f.reason())));
    facts.add(new Fact("Turns", String.valueOf(f.turns())));
    if (f.branch() != null) {
      facts.add(new Fact("Branch", words.clean(f.branch())));
    }
    var usage = f.usage();
    facts.add(
        new Fact(
            "Tokens",
            usage == null
                ? "unknown"
                : usage.inputTokens()
                    + " in, "
                    + usage.outputTokens()
                    + " out ("
                    + usage.totalTokens()
                    + " in all)"));
    facts.add(new Fact("Cost", ReportWords.cost(f.costUsd())));
    sink.facts(facts);
    if (f.summary() != null && !f.summary().isBlank()) {
      sink.heading(3, null, "Summary", null, Tone.PLAIN);
      sink.text(words.clean(f.summary()));
    }
    if (readNote != null) {
      sink.note(Tone.WARN, stops);
    }
  }

  /** Where the report stops and why, when it does not hold the whole run; null when it does. */
  private String stopNote() {
    String last = "the last record in it is " + lastEvent();
    String unread =
        readNote == null ? "" : "Part of the transcript could not be read (" + readNote + "). ";
    if (history.finished() != null) {
      return readNote == null ? null : unread + "The report holds every record it could read.";
    }
    if (history.writerAlive()) {
      return unread
          + "The run is still going: this report holds its transcript so far; "
          + last
          + ".";
    }
    return unread
        + "The run has no end record (it was interrupted, or its transcript is cut short): this"
        + " report stops at the transcript's last good record; "
        + last
        + ".";
  }

  private String lastEvent() {
    RunEvent last = history.started();
    for (TurnRecord t : history.turns()) {
      if (!t.events().isEmpty()) {
        last = t.events().get(t.events().size() - 1);
      }
    }
    String kind = last.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
    String where = last.turn() == 0 ? "" : " of turn " + last.turn();
    return kind.toLowerCase(Locale.ROOT) + where + ", at " + ReportWords.time(last.at());
  }

  static String statusWord(RunStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static Tone tone(RunStatus status) {
    return switch (status) {
      case DONE -> Tone.GOOD;
      case RUNNING, BUDGET, STOPPED -> Tone.WARN;
      case FAILED, INTERRUPTED -> Tone.BAD;
    };
  }
}
