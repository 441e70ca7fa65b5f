package dev.airlock.cli;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a live run for a human on a terminal: each turn's reasoning, code, decision, streamed
 * output and result. The same renderings serve {@code airlock replay}. While a response streams in,
 * an interactive terminal shows a one-line progress counter instead of the raw text (the parsed
 * reasoning and code follow). With {@code showProposal} false the reasoning and code are left to
 * the terminal supervisor, which shows them with the approval prompt.
 */
public final class CliPrinter implements RunListener {
  private final SafeTerminal out;
  private final boolean progress;
  private final boolean showProposal;
  private boolean midTokens;
  private long received;

  public CliPrinter(PrintStream out, boolean progress, boolean showProposal) {
    this.out = SafeTerminal.wrap(out);
    this.progress = progress;
    this.showProposal = showProposal;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (midTokens && !(event instanceof RunEvent.ModelToken)) {
      out.println();
      midTokens = false;
    }
    if (event instanceof RunEvent.RunStarted s) {
      out.println(TurnText.header(s));
    } else if (event instanceof RunEvent.ModelRequested r) {
      out.println();
      out.println(
          "── turn "
              + r.turn()
              + " ── asking "
              + r.model()
              + " ("
              + r.messages().size()
              + " messages)");
      received = 0;
    } else if (event instanceof RunEvent.ModelToken t && progress) {
      received += t.text().length();
      out.raw("\r  receiving the answer ... " + received + " characters");
      midTokens = true;
    } else if (event instanceof RunEvent.ModelResponded r) {
      out.println(TurnText.response(r));
    } else if (event instanceof RunEvent.ResponseParsed p) {
      if (showProposal || p.code() == null) {
        out.print(TurnText.parsed(p, true));
      } else if (p.done() != null) {
        out.println("done (claimed with this code; accepted only after its output): " + p.done());
      }
    } else if (event instanceof RunEvent.Decided d) {
      out.println(TurnText.decision(d));
    } else if (event instanceof RunEvent.ExecutionStarted s) {
      out.println("▶ running (timeout " + s.timeoutMs() / 1000 + " s) in " + s.sandbox());
    } else if (event instanceof RunEvent.OutputChunk c) {
      out.print(c.text());
    } else if (event instanceof RunEvent.ExecutionFinished f) {
      out.println(TurnText.executionSummary(f));
    } else if (event instanceof RunEvent.LakehouseCall c) {
      out.println(TurnText.lakehouseCall(c));
    } else if (event instanceof RunEvent.MergeRequested m && !"ask".equals(m.policy())) {
      // With "ask" the terminal gate already showed the request and its evidence.
      out.println(MergeText.replay(m));
    } else if (event instanceof RunEvent.PostMergeChecked p) {
      out.println(
          (p.passed()
                  ? "✔ post-merge check on main passed: "
                  : "✘ POST-MERGE CHECK FAILED on main: ")
              + p.summary());
    } else if (event instanceof RunEvent.MergeDecided d) {
      out.println(CommandName.render(TurnText.mergeDecided(d)));
    } else if (event instanceof RunEvent.Notice n) {
      out.println(
          n.severity().name().toLowerCase(Locale.ROOT) + ": " + CommandName.render(n.message()));
    } else if (event instanceof RunEvent.RunFinished f) {
      out.println();
      out.println(CommandName.render(TurnText.finished(f)));
    }
    out.flush();
  }
}
