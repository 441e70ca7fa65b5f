package dev.airlock.cli;

import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import dev.airlock.agent.RunProjection;
import java.io.PrintStream;

/**
 * Prints a live run for a human on a terminal. Events go through a {@link RunProjection}; each part
 * it reports is printed, as it completes, with the {@link TurnText} rendering that {@code airlock
 * replay} uses for the same part, so the two agree line for line. What only a live run shows: while
 * a response streams in, an interactive terminal shows a one-line progress counter instead of the
 * raw text (the parsed reasoning and code follow); sandbox output is printed as it arrives (a
 * replay shows it in one block when the execution ends). With {@code showProposal} false the
 * reasoning and code are left to the terminal supervisor, which shows them with the approval
 * prompt, and so are merge requests it shows with its merge prompt.
 */
public final class CliPrinter implements RunListener {
  private final SafeTerminal out;
  private final boolean progress;
  private final boolean showProposal;
  private final RunProjection projection = new RunProjection();
  private boolean midTokens;
  private boolean midOutputLine;

  public CliPrinter(PrintStream out, boolean progress, boolean showProposal) {
    this.out = SafeTerminal.wrap(out);
    this.progress = progress;
    this.showProposal = showProposal;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    RunProjection.Update update = projection.apply(event);
    switch (update.part()) {
      case IGNORED -> {
        return;
      }
      case RESPONSE_STREAMING -> {
        if (progress) {
          out.raw(
              "\r  receiving the answer ... "
                  + projection.live().response().length()
                  + " characters");
          midTokens = true;
        }
      }
      case EXECUTION_OUTPUT -> {
        endProgressLine();
        output(((RunEvent.OutputChunk) event).text());
      }
      default -> {
        endProgressLine();
        endOutputLine();
        String text = render(update);
        if (text != null) {
          out.println(text);
        }
      }
    }
    out.flush();
  }

  /** The part as printed live: the replay's rendering, except where a live run differs. */
  private String render(RunProjection.Update update) {
    RunEvent event = update.event();
    return switch (update.part()) {
      case STARTED -> TurnText.header((RunEvent.RunStarted) event);
      case REQUEST -> "\n" + TurnText.request((RunEvent.ModelRequested) event);
      case PARSED -> parsed((RunEvent.ResponseParsed) event);
      case MERGE_REQUESTED ->
          // With "ask" the terminal gate shows the request and its evidence itself.
          "ask".equals(((RunEvent.MergeRequested) event).policy()) ? null : TurnText.part(event);
      case MERGE_DECIDED, POST_MERGE_CHECK, NOTICE -> CommandName.render(TurnText.part(event));
      case FINISHED -> "\n" + CommandName.render(TurnText.finished((RunEvent.RunFinished) event));
      case STREAM_RESTARTED -> TurnText.streamRestarted((RunEvent.StreamRestarted) event);
      // The terminal face shows the question with its prompt.
      case DECISION_PENDING, PHASE, DATA_EFFECTS, APPROVAL_REQUESTED -> null;
      default -> TurnText.part(event);
    };
  }

  private String parsed(RunEvent.ResponseParsed p) {
    if (showProposal || p.code() == null) {
      return TurnText.part(p);
    }
    // The terminal supervisor shows the proposal with its prompt; the claim is this printer's.
    return p.done() == null ? null : TurnText.doneClaim(p);
  }

  /** Sandbox output as it arrives, each line marked as a replay marks it. */
  private void output(String text) {
    int from = 0;
    while (from < text.length()) {
      if (!midOutputLine) {
        out.print(TurnText.OUTPUT_PREFIX);
        midOutputLine = true;
      }
      int newline = text.indexOf('\n', from);
      if (newline < 0) {
        out.print(text.substring(from));
        return;
      }
      out.print(text.substring(from, newline + 1));
      midOutputLine = false;
      from = newline + 1;
    }
  }

  private void endProgressLine() {
    if (midTokens) {
      out.println();
      midTokens = false;
    }
  }

  /** Ends an output line the code left open, so Airlock's next line starts on its own. */
  private void endOutputLine() {
    if (midOutputLine) {
      out.println();
      midOutputLine = false;
    }
  }
}
