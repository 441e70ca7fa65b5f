package dev.airlock.cli;

import dev.airlock.agent.Decision;
import dev.airlock.agent.MergeEvidence;
import dev.airlock.agent.MergeVerdict;
import dev.airlock.agent.Proposal;
import dev.airlock.agent.Risk;
import dev.airlock.agent.Supervisor;
import dev.airlock.lakehouse.MergeRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ask} policy on a terminal: shows the reasoning and the numbered code (and why it was
 * flagged), then asks y / e / n / q. {@code e} opens {@code $EDITOR} (or {@code $VISUAL}, else
 * {@code vi}) on the code; what is saved is what runs. End of input counts as a stop, never as an
 * approval. End of input at the merge prompt means nobody decided: the merge is refused as the
 * policy's own refusal, not recorded as this person's.
 */
public final class TerminalSupervisor implements Supervisor {
  private final BufferedReader in;
  private final PrintStream out;
  private final List<String> editor;
  private final String who;

  public TerminalSupervisor(BufferedReader in, PrintStream out, List<String> editor, String who) {
    this.in = in;
    this.out = SafeTerminal.wrap(out);
    this.editor = editor;
    this.who = who;
  }

  /** The editor command from {@code $VISUAL} / {@code $EDITOR}, split on spaces. */
  public static List<String> editorFromEnvironment() {
    String e = System.getenv("VISUAL");
    if (e == null || e.isBlank()) {
      e = System.getenv("EDITOR");
    }
    return List.of((e == null || e.isBlank() ? "vi" : e.strip()).split("\\s+"));
  }

  @Override
  public String policy() {
    return "ask";
  }

  @Override
  public synchronized Decision review(Proposal proposal) {
    show(proposal);
    while (true) {
      out.print("Run this code? [y]es / [e]dit / [n]o (reject with feedback) / [q]uit: ");
      out.flush();
      String answer = readLine();
      if (answer == null) {
        return new Decision.Stop(who, "input closed while waiting for approval");
      }
      switch (answer.strip().toLowerCase(Locale.ROOT)) {
        case "y", "yes" -> {
          return new Decision.Approve(who);
        }
        case "e", "edit" -> {
          Decision edited = edit(proposal);
          if (edited != null) {
            return edited;
          }
        }
        case "n", "no" -> {
          out.print("Feedback for the agent (one line): ");
          out.flush();
          String feedback = readLine();
          return new Decision.Reject(who, feedback == null ? "" : feedback.strip());
        }
        case "q", "quit" -> {
          return new Decision.Stop(who, "stopped by " + who + " at the approval prompt");
        }
        default -> out.println("Please answer y, e, n or q.");
      }
    }
  }

  @Override
  public String reviewer() {
    return who;
  }

  /**
   * Shows the merge request with its evidence (diff, checks, provenance, cost) and asks. Anything
   * but yes refuses, with a reason, and then asks whether the agent gets the reason or the run
   * ends.
   */
  @Override
  public synchronized MergeVerdict reviewMerge(MergeRequest request, MergeEvidence evidence) {
    out.println();
    out.println(
        MergeText.request(
            request.source().name(),
            request.source().hash(),
            request.target().name(),
            request.target().hash(),
            evidence));
    out.print("Publish into " + request.target().name() + "? [y/N]: ");
    out.flush();
    String answer = readLine();
    if (answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
      return new MergeVerdict.Approve();
    }
    if (answer == null) {
      out.println();
      return new MergeVerdict.Unanswered(System.console() == null ? "no terminal" : "input closed");
    }
    out.print("Reason: ");
    out.flush();
    String line = readLine();
    String reason =
        line == null || line.isBlank() ? "the supervisor declined the merge" : line.strip();
    out.print("[s]end the reason to the agent (it can fix the data) or [e]nd the run? [S/e]: ");
    out.flush();
    String next = readLine();
    if (next != null && List.of("e", "end").contains(next.strip().toLowerCase(Locale.ROOT))) {
      return new MergeVerdict.RejectAndEnd(reason);
    }
    return new MergeVerdict.RejectToAgent(reason);
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

  private Decision edit(Proposal proposal) {
    try {
      Path file = Files.createTempFile("airlock-turn" + proposal.turn() + "-", ".py");
      try {
        Files.writeString(file, proposal.code(), StandardCharsets.UTF_8);
        List<String> command = new java.util.ArrayList<>(editor);
        command.add(file.toString());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
          out.println("The editor exited with " + exit + "; nothing changed. Choose again.");
          return null;
        }
        String code = Files.readString(file, StandardCharsets.UTF_8);
        if (code.equals(proposal.code())) {
          out.println("No change made in the editor: approving the code as proposed.");
          return new Decision.Approve(who);
        }
        if (code.isBlank()) {
          out.println("The edited code is empty; nothing changed. Choose again.");
          return null;
        }
        return new Decision.ApproveEdited(who, code);
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
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Decision.Stop(who, "interrupted while editing");
    }
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the terminal", e);
    }
  }
}
