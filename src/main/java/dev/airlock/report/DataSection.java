package dev.airlock.report;

import dev.airlock.agent.EventWords;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.TurnRecord;
import dev.airlock.report.ReportSink.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a turn's code did to the lakehouse: its calls, the commits they made, the data effects. */
final class DataSection {
  private final ReportSink sink;
  private final ReportWords words;

  DataSection(ReportSink sink, ReportWords words) {
    this.sink = sink;
    this.words = words;
  }

  void write(TurnRecord t) {
    if (!t.lakehouseCalls().isEmpty()) {
      sink.heading(3, null, "Lakehouse calls", null, Tone.PLAIN);
      List<List<String>> rows = new ArrayList<>();
      List<Tone> tones = new ArrayList<>();
      for (RunEvent.LakehouseCall c : t.lakehouseCalls()) {
        String outcome =
            c.ok()
                ? (c.result() == null ? "ok" : words.clean(c.result()))
                : words.clean(c.errorType()) + ": " + words.clean(c.errorMessage());
        rows.add(
            List.of(
                words.clean(c.method()),
                params(c.params()),
                outcome,
                ReportWords.seconds(c.durationMs())));
        tones.add(c.ok() ? Tone.PLAIN : Tone.BAD);
      }
      sink.table(List.of("Call", "Parameters", "Outcome", "Time"), rows, tones);
    }
    if (!t.dataChanges().isEmpty()) {
      sink.heading(3, null, "Data changes", null, Tone.PLAIN);
      List<List<String>> rows = new ArrayList<>();
      for (RunEvent.DataChanged d : t.dataChanges()) {
        rows.add(List.of(words.clean(EventWords.dataChanged(d))));
      }
      sink.table(List.of("Commit"), rows, List.of());
    }
    if (t.dataEffects() != null && !t.dataEffects().branches().isEmpty()) {
      sink.heading(3, null, "Data effects", null, Tone.PLAIN);
      List<List<String>> rows = new ArrayList<>();
      for (RunEvent.BranchEffect e : t.dataEffects().branches()) {
        rows.add(
            List.of(
                words.clean(e.branch()),
                MergeSection.abbreviate(e.headBefore())
                    + " → "
                    + MergeSection.abbreviate(e.headAfter()),
                e.tables() == null ? "" : words.clean(String.join(", ", e.tables())),
                String.valueOf(e.rowsAdded()),
                String.valueOf(e.commits())));
      }
      sink.table(List.of("Branch", "Head", "Tables", "Rows added", "Commits"), rows, List.of());
    }
  }

  private String params(Map<String, Object> params) {
    if (params == null) {
      return "";
    }
    return params.entrySet().stream()
        .filter(e -> e.getValue() != null && !Boolean.FALSE.equals(e.getValue()))
        .map(e -> words.clean(e.getKey()) + "=" + words.clean(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
