package dev.airlock.report;

import dev.airlock.agent.Decision;
import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import dev.airlock.transcript.Json;
import dev.airlock.verify.CheckKind;
import dev.airlock.verify.CheckResult;
import dev.airlock.verify.Evidence;
import dev.airlock.verify.Verdict;
import dev.airlock.verify.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A three-turn run whose every text is hostile: markup planted in the reasoning, the output, the
 * feedback, a table name, the run id and the model's name; a backtick fence in the code; a key in
 * an error. Turn 1 is approved and imports; turn 2 is rejected with feedback; turn 3 is edited,
 * audits, merges and claims done.
 */
final class HostileRun {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String RUN_ID = "run-&-\"onload=alert(2)";
  static final String MODEL = "scripted:<b>model</b>";
  static final String KEY = "sk-live-0123456789abcdef";
  static final String TABLE = "\"onload=alert(3) x";

  static final String CODE_1 =
      "import airlock_lake as lake\nprint('</pre><script>alert(4)</script>')\nlake.import_data('orders')\n";
  static final String CODE_2 = "s = '```'  # a fence inside\nprint(s * 3, '````')\n";
  static final String CODE_3_PROPOSED = "print('merge')\n";
  static final String CODE_3_RUN = "print('merge, edited & checked')\n";
  static final String FEEDBACK = "Don't print " + SCRIPT + " & stop.";

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private HostileRun() {}

  static List<RunEvent> events() {
    return events(RUN_ID);
  }

  /** The run's events, under {@code runId}. */
  static List<RunEvent> events(String runId) {
    List<RunEvent> e = new ArrayList<>();
    e.add(
        new RunEvent.RunStarted(
            0,
            at(0),
            RunEvent.FORMAT,
            runId,
            MODEL,
            "bubblewrap",
            true,
            "ask",
            5,
            "/tmp/raw",
            "run/x",
            null,
            Map.of("merge", "ask", "task", "packaged")));
    // Turn 1: approved, output with markup, a lakehouse call on a hostile table, a data change.
    turn(e, 1, "I will import. " + SCRIPT, CODE_1);
    e.add(decided(1, Decision.Verdict.APPROVE, CODE_1, CODE_1, null, null));
    e.add(new RunEvent.ExecutionStarted(1, at(4), "abc", "bubblewrap", 60_000));
    e.add(
        new RunEvent.LakehouseCall(
            1, at(5), "import_data", Map.of("table", TABLE), true, "1 row", null, null, 12));
    e.add(
        new RunEvent.DataChanged(
            1, at(5), "import", "run/x", TABLE, "a".repeat(40), "b".repeat(40), 1L));
    e.add(
        new RunEvent.ExecutionFinished(
            1,
            at(6),
            "OK",
            0,
            "imported </pre>" + SCRIPT + " & done\n",
            "",
            0,
            0,
            null,
            900,
            List.of()));
    // Turn 2: rejected with feedback; the key leaked into the reasoning.
    turn(e, 2, "Key is " + KEY, CODE_2);
    e.add(decided(2, Decision.Verdict.REJECT, CODE_2, null, null, FEEDBACK));
    // Turn 3: edited, fails on stderr, merges, done.
    turn(e, 3, "Merging now.", CODE_3_PROPOSED);
    e.add(
        decided(
            3,
            Decision.Verdict.APPROVE_EDITED,
            CODE_3_PROPOSED,
            CODE_3_RUN,
            "-print('merge')\n+print('merge, edited & checked')\n",
            null));
    e.add(
        new RunEvent.ExecutionFinished(
            3,
            at(20),
            "ERROR",
            1,
            "",
            "Traceback: <img src=x onerror=alert(5)>\n",
            0,
            0,
            "exit 1",
            300,
            List.of()));
    VerificationReport report =
        new VerificationReport(
            "run/x",
            "c".repeat(40),
            at(21),
            null,
            List.of(
                new CheckResult(
                    "has_rows:" + TABLE,
                    CheckKind.HAS_ROWS,
                    TABLE,
                    Verdict.PASS,
                    "1 row",
                    List.of()),
                new CheckResult(
                    "id_unique:orders",
                    CheckKind.ID_UNIQUE,
                    "orders",
                    Verdict.FAIL,
                    "2 duplicate ids <b>",
                    List.of(
                        new Evidence(
                            "SELECT id FROM orders -- </pre>",
                            List.of("id"),
                            List.of(List.of("<i>7</i>")),
                            false,
                            null)))));
    e.add(
        new RunEvent.MergeRequested(
            3,
            at(22),
            "run/x",
            "c".repeat(40),
            "main",
            "d".repeat(40),
            List.of(new RunEvent.TableChange(TABLE, "added", null, 1234L, List.of())),
            "ask",
            report,
            false,
            List.of(
                new MergeEvidence.Provenance(TABLE, 1, "e".repeat(64), "human:ann", "as proposed")),
            new Usage(100, 20),
            0.5,
            null,
            null));
    e.add(
        new RunEvent.MergeDecided(
            3, at(23), "run/x", "main", true, "human:bob", "looks <ok>", false));
    e.add(
        new RunEvent.RunFinished(
            0,
            at(30),
            RunStatus.DONE,
            "the agent claimed done",
            3,
            new Usage(300, 60),
            0.0123,
            "run/x",
            "Summary with " + SCRIPT));
    return e;
  }

  /** The run as a finished run's transcript folds it (the whole run, no writer). */
  static RunHistory history() {
    RunHistory live = RunHistory.fold(events());
    return new RunHistory(live.started(), live.turns(), live.finished(), false, List.of(), false);
  }

  /** The events as transcript lines (JSONL), the way the engine writes them. */
  static String jsonl(List<RunEvent> events) throws Exception {
    StringBuilder b = new StringBuilder();
    for (RunEvent ev : events) {
      b.append(Json.mapper().writerFor(RunEvent.class).writeValueAsString(ev)).append('\n');
    }
    return b.toString();
  }

  private static void turn(List<RunEvent> e, int turn, String reasoning, String code) {
    e.add(
        new RunEvent.ModelRequested(
            turn,
            at(turn * 6),
            MODEL,
            List.of(
                ChatMessage.system("rules"), ChatMessage.user("Load the <raw> files & audit"))));
    e.add(
        new RunEvent.ModelResponded(
            turn,
            at(turn * 6 + 1),
            "<reasoning>" + reasoning + "</reasoning>",
            new Usage(100, 20),
            0.004,
            800,
            1,
            "stop"));
    e.add(
        new RunEvent.ResponseParsed(
            turn,
            at(turn * 6 + 1),
            ParsedResponse.Kind.PROPOSAL,
            reasoning,
            List.of(),
            code,
            null,
            null));
  }

  private static RunEvent.Decided decided(
      int turn,
      Decision.Verdict verdict,
      String proposed,
      String executed,
      String diff,
      String feedback) {
    return new RunEvent.Decided(
        turn,
        at(turn * 6 + 2),
        verdict,
        "human:ann",
        proposed,
        executed,
        executed == null ? null : "f".repeat(64),
        diff,
        feedback);
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }
}
