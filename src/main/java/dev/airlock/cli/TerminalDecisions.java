package dev.airlock.cli;

import dev.airlock.agent.Decision;
import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.PendingApproval;
import dev.airlock.agent.PendingBudget;
import dev.airlock.agent.PendingDecision;
import dev.airlock.agent.PendingMerge;
import dev.airlock.agent.Proposal;
import dev.airlock.agent.Risk;
import dev.airlock.agent.RunEvent;
import dev.airlock.agent.RunListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The person at the terminal answering a run's questions. Each {@link RunEvent.DecisionPending} is
 * handed to this face's own thread (the event thread is never blocked on the keyboard), which shows
 * the question and reads the answer: for code, the reasoning and the numbered code (and why it was
 * flagged), then y / e / n / q, where {@code e} opens {@code $EDITOR} (or {@code $VISUAL}, else
 * {@code vi}) on the code; for a merge, the evidence and y / N. End of input (before an answer is
 * complete) stops the run at the code prompt (never an approval or an empty rejection) and, at the
 * merge prompt, leaves the merge unanswered: the policy refuses it on its own account. A budget
 * question is {@link TerminalBudget}'s. The rules of an answer (an unchanged edit approves, an
 * empty edit is refused) are the engine's, in {@link PendingApproval}.
 */
final class TerminalDecisions implements RunListener, AutoCloseable {
  private final BufferedReader in;
  private final SafeTerminal out;
  private final List<String> editor;
  private final ExecutorService prompts =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "airlock-terminal");
            t.setDaemon(true);
            return t;
          });

  TerminalDecisions(BufferedReader in, PrintStream out, List<String> editor) {
    this.in = in;
    this.out = SafeTerminal.wrap(out);
    this.editor = editor;
  }

  /** The editor command from {@code $VISUAL} / {@code $EDITOR}, split on spaces. */
  static List<String> editorFromEnvironment() {
    String e = System.getenv("VISUAL");
    if (e == null || e.isBlank()) {
      e = System.getenv("EDITOR");
    }
    return List.of((e == null || e.isBlank() ? "vi" : e.strip()).split("\\s+"));
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event instanceof RunEvent.DecisionPending p) {
      PendingDecision decision = p.decision();
      prompts.execute(() -> ask(decision));
    }
  }

  /**
   * Asks at the terminal. When asking fails (the terminal cannot be read, a rendering fails), the
   * question is answered as if the input had closed: an open question with nobody to answer it
   * would hold the run forever.
   */
  private void ask(PendingDecision decision) {
    try {
      if (decision instanceof PendingApproval a) {
        review(a);
      } else if (decision instanceof PendingMerge m) {
        reviewMerge(m);
      } else if (decision instanceof PendingBudget b) {
        new TerminalBudget(out, this::readLine).ask(b);
      }
    } catch (RuntimeException | Error e) {
      String why = "the terminal failed while asking (" + e.getMessage() + ")";
      if (decision instanceof PendingApproval a && a.isOpen()) {
        out.println();
        out.println("Cannot ask at the terminal: " + e.getMessage() + ". Stopping the run.");
        a.stop(why);
      } else if (decision instanceof PendingMerge m && m.isOpen()) {
        out.println();
        out.println("Cannot ask at the terminal: " + e.getMessage() + ". The merge is refused.");
        m.unanswered(why);
      } else if (decision instanceof PendingBudget b && b.isOpen()) {
        out.println();
        out.println("Cannot ask at the terminal: " + e.getMessage() + ". Stopping the run.");
        b.stop(why);
      }
      out.flush();
    }
  }

  @Override
  public void close() {
    prompts.shutdownNow();
  }

  private void review(PendingApproval pending) {
    if (!pending.isOpen()) {
      return;
    }
    show(pending.proposal());
    while (pending.isOpen()) {
      out.print("Run this code? [y]es / [e]dit / [n]o (reject with feedback) / [q]uit: ");
      out.flush();
      String answer = readLine();
      if (answer == null) {
        answered(pending.stop("input closed while waiting for approval"));
        return;
      }
      switch (answer.strip().toLowerCase(Locale.ROOT)) {
        case "y", "yes" -> answered(pending.approve());
        case "e", "edit" -> edit(pending);
        case "n", "no" -> {
          out.print("Feedback for the agent (one line): ");
          out.flush();
          String feedback = readLine();
          answered(
              feedback == null
                  ? pending.stop("input closed while waiting for the feedback of a rejection")
                  : pending.reject(feedback));
        }
        case "q", "quit" ->
            answered(pending.stop("stopped by " + pending.by() + " at the approval prompt"));
        default -> out.println("Please answer y, e, n or q.");
      }
    }
  }

  /**
   * Shows the merge request with its evidence (diff, checks, provenance, cost) and asks. Anything
   * but yes refuses, with a reason, and then asks whether the agent gets the reason or the run
   * ends.
   */
  private void reviewMerge(PendingMerge pending) {
    if (!pending.isOpen()) {
      return;
    }
    MergeEvidence evidence = pending.evidence();
    out.println();
    out.println(
        MergeText.request(
            evidence.source(),
            pending.sourceCommit(),
            evidence.target(),
            pending.targetCommit(),
            evidence));
    out.print("Publish into " + evidence.target() + "? [y/N]: ");
    out.flush();
    String answer = readLine();
    if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
      answered(pending.approve());
      return;
    }
    if (answer == null) {
      out.println();
      answered(pending.unanswered(System.console() == null ? "no terminal" : "input closed"));
      return;
    }
    out.print("Reason: ");
    out.flush();
    String reason = readLine();
    if (reason == null) {
      // Input closed before the reason: nobody is there to see what the agent would do with it.
      out.println();
      answered(pending.unanswered("input closed"));
      return;
    }
    out.print("[s]end the reason to the agent (it can fix the data) or [e]nd the run? [S/e]: ");
    out.flush();
    String next = readLine();
    if (next != null && List.of("e", "end").contains(next.strip().toLowerCase(Locale.ROOT))) {
      answered(pending.rejectAndEnd(reason));
    } else {
      answered(pending.rejectToAgent(reason));
    }
  }

  /** Says so when the answer came too late: the run stopped and withdrew the question. */
  private void answered(boolean accepted) {
    if (!accepted) {
      out.println("The run stopped before this answer: the question was withdrawn.");
      out.flush();
    }
  }

  private void show(Proposal p) {
    out.println();
    out.println("Turn " + p.turn() + ": the agent proposes to run this code");
    out.print(TurnText.proposal(p.reasoning(), p.packages(), p.code()));
    for (Risk r : p.risks()) {
      if (r.line() > 0) {
        out.println(
            "  ! line " + r.line() + ": " + r.why() + " (" + r.rule() + "): " + r.excerpt());
      } else {
        out.println(
            "  ! "
                + r.rule()
                + " fails "
                + r.why()
                + (r.excerpt().isBlank() ? "" : "\n      evidence: " + r.excerpt()));
      }
    }
  }

  private void edit(PendingApproval pending) {
    Proposal proposal = pending.proposal();
    try {
      Path file = Files.createTempFile("airlock-turn" + proposal.turn() + "-", ".py");
      try {
        Files.writeString(file, proposal.code(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(editor);
        command.add(file.toString());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
          out.println("The editor exited with " + exit + "; nothing changed. Choose again.");
          return;
        }
        String code = Files.readString(file, StandardCharsets.UTF_8);
        try {
          answered(pending.approveEdited(code));
        } catch (IllegalArgumentException e) {
          out.println("Not accepted: " + e.getMessage() + ". Choose again.");
          return;
        }
        if (pending.answer().getNow(null) instanceof Decision.Approve) {
          out.println("No change made in the editor: approving the code as proposed.");
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      out.println(
          "Cannot open the editor "
              + String.join(" ", editor)
              + ": "
              + e.getMessage()
              + ". Set $EDITOR, or choose y, n or q.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answered(pending.stop("interrupted while editing"));
    }
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terminal: " + e.getMessage(), e);
    }
  }
}
