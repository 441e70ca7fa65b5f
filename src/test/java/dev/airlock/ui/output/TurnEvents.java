package dev.airlock.ui.output;

import dev.airlock.agent.Decision;
import dev.airlock.agent.ParsedResponse;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunProjection;
import dev.airlock.model.ChatMessage;
import dev.airlock.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic events of a run's turns, as the engine emits them, for the pane tests. */
final class TurnEvents {
  static final String REASONING =
      "The traceback says the key 'fee_type' is missing from some rows: the raw fees file mixes"
          + " two layouts. I will read both layouts, map them to one schema, and load the rows"
          + " into a new table on the run's branch.";
  static final String CODE =
      "import bauplan\nclient = bauplan.Client()\nclient.import_data('fees', 's3://raw/fees/*.csv')\n";

  private final List<RunEvent> events = new ArrayList<>();
  private long clock = Instant.parse("2026-11-28T05:00:00Z").toEpochMilli();

  TurnEvents() {
    events.add(
        new RunEvent.RunStarted(
            0,
            at(),
            RunEvent.FORMAT,
            "20261128-050000",
            "demo model (scripted)",
            "bubblewrap",
            true,
            "always",
            8,
            "file:///tmp/raw",
            "airlock/run-20261128-050000",
            null,
            Map.of()));
  }

  Instant at() {
    clock += 37;
    return Instant.ofEpochMilli(clock);
  }

  List<RunEvent> events() {
    return List.copyOf(events);
  }

  RunProjection projection() {
    RunProjection p = new RunProjection();
    p.applyAll(events);
    return p;
  }

  TurnEvents add(RunEvent e) {
    events.add(e);
    return this;
  }

  /** A turn up to its approval: request, answer, parse, approval asked and given. */
  TurnEvents proposed(int turn) {
    add(
        new RunEvent.ModelRequested(
            turn,
            at(),
            "demo model (scripted)",
            List.of(new ChatMessage(ChatMessage.Role.USER, "load the fees"))));
    add(
        new RunEvent.ModelResponded(
            turn,
            at(),
            "<reasoning>" + REASONING + "</reasoning><code>" + CODE + "</code>",
            new Usage(1697, 24),
            0.0004,
            400,
            1,
            "stop"));
    add(
        new RunEvent.ResponseParsed(
            turn,
            at(),
            ParsedResponse.Kind.PROPOSAL,
            REASONING,
            List.of("pandas", "pyarrow"),
            CODE,
            null,
            null));
    add(new RunEvent.ApprovalRequested(turn, at(), "always", CODE, "ab".repeat(32), List.of()));
    return this;
  }

  TurnEvents approved(int turn) {
    add(
        new RunEvent.Decided(
            turn,
            at(),
            Decision.Verdict.APPROVE,
            "human:ada",
            CODE,
            CODE,
            "ab".repeat(32),
            null,
            null));
    return this;
  }

  TurnEvents rejected(int turn) {
    add(
        new RunEvent.Decided(
            turn,
            at(),
            Decision.Verdict.REJECT,
            "human:ada",
            CODE,
            null,
            null,
            null,
            "use the other file"));
    return this;
  }

  RunEvent.ExecutionStarted started(int turn) {
    return new RunEvent.ExecutionStarted(turn, at(), "ab".repeat(32), "bubblewrap", 300_000);
  }

  RunEvent.OutputChunk out(int turn, String text) {
    return new RunEvent.OutputChunk(turn, at(), "stdout", text);
  }

  RunEvent.OutputChunk err(int turn, String text) {
    return new RunEvent.OutputChunk(turn, at(), "stderr", text);
  }

  RunEvent.ExecutionFinished finished(
      int turn, String status, int exit, String stdout, String stderr, long droppedOut) {
    return new RunEvent.ExecutionFinished(
        turn,
        at(),
        status,
        exit,
        stdout,
        stderr,
        droppedOut,
        0,
        "OK".equals(status) ? null : "the code exited with status " + exit,
        1234,
        List.of());
  }

  RunEvent.LakehouseCall call(int turn, String method, String table, boolean ok) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("table", table);
    params.put("branch", "airlock/run-20261128-050000");
    params.put("replace", false);
    return new RunEvent.LakehouseCall(
        turn,
        at(),
        method,
        params,
        ok,
        ok ? "1,000 rows" : null,
        ok ? null : "TableNotFoundError",
        ok ? null : "table " + table + " does not exist on airlock/run-20261128-050000",
        12);
  }

  RunEvent.DataEffects effects(int turn) {
    return new RunEvent.DataEffects(
        turn,
        at(),
        List.of(
            new RunEvent.BranchEffect(
                "airlock/run-20261128-050000",
                "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",
                "c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2",
                List.of("fees", "customers"),
                1000,
                2)));
  }
}
