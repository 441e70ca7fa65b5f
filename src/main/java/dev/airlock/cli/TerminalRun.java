package dev.airlock.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.PolicyRules;
import dev.airlock.agent.RunOutcome;
import dev.airlock.session.RunSession;
import dev.airlock.transcript.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code airlock run}'s face on a session: prints the run as it happens, answers its questions at
 * the terminal, turns Ctrl-C (or SIGTERM) into a stop, and reports how it ended (one JSON object
 * with {@code --json}).
 */
final class TerminalRun {
  private final RunSession session;
  private final PrintStream log;
  private final boolean json;

  TerminalRun(RunSession session, PrintStream log, boolean json) {
    this.session = session;
    this.log = log;
    this.json = json;
  }

  int run() {
    // With policy rules, some code runs unasked even under "ask": the printer shows every proposal.
    boolean humanReviewsCode =
        "ask".equals(session.started().approval())
            && !session.started().settings().containsKey(PolicyRules.SETTING);
    session.subscribe(new CliPrinter(log, System.console() != null && !json, !humanReviewsCode));
    try (TerminalDecisions decisions =
        new TerminalDecisions(
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            log,
            TerminalDecisions.editorFromEnvironment())) {
      session.subscribe(decisions);
      RunOutcome outcome = runWithInterrupt();
      report(outcome);
      return RunCommand.exitCode(outcome);
    }
  }

  /**
   * Runs with Ctrl-C (or SIGTERM) turned into a stop: the hook stops the run and holds the JVM
   * until the run has ended on record and released what it held.
   */
  private RunOutcome runWithInterrupt() {
    Thread hook =
        new Thread(
            () -> {
              session.stop("interrupted (Ctrl-C or a termination signal)");
              try {
                session.outcome().get(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (ExecutionException | TimeoutException e) {
                // Exiting anyway; the transcript says how far the run got.
              }
            },
            "airlock-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return session.start().join();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting because of Ctrl-C; the hook is already running.
      }
    }
  }

  private void report(RunOutcome outcome) {
    String runId = session.runId();
    if (!json) {
      log.println(
          "transcript: " + session.transcript() + "  (" + CommandName.of("replay " + runId) + ")");
      return;
    }
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("run_id", runId);
    o.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
    o.put("reason", outcome.reason());
    o.put("turns", outcome.turns());
    o.put("transcript", session.transcript().toString());
    ObjectNode usage = o.putObject("usage");
    usage.put("input_tokens", outcome.usage().inputTokens());
    usage.put("output_tokens", outcome.usage().outputTokens());
    if (outcome.costUsd() != null) {
      usage.put("cost_usd", outcome.costUsd());
    }
    if (outcome.branch() != null) {
      o.put("branch", outcome.branch());
    }
    if (outcome.summary() != null) {
      o.put("summary", outcome.summary());
    }
    System.out.println(o.toString());
  }
}
