package dev.airlock.agent;

import dev.airlock.sandbox.ExecutionResult;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes what the model is told after each turn: the observation of the code that ran, the
 * supervisor's edit (as a diff) or rejection, and format errors. The wording is part of the
 * contract with the model; the system prompt explains how to read it.
 */
public final class Feedback {
  private final int outputBudget;

  /**
   * @param outputBudget characters of stdout (and, separately, stderr) the model sees at most
   */
  public Feedback(int outputBudget) {
    if (outputBudget < 200) {
      throw new IllegalArgumentException("output budget must be at least 200 characters");
    }
    this.outputBudget = outputBudget;
  }

  public String observation(
      ExecutionResult result, String editDiff, boolean doneWasClaimed, boolean isolated) {
    StringBuilder out = new StringBuilder();
    if (editDiff != null) {
      out.append("The supervisor edited your code before it ran. The edited version is what ran;")
          .append(" build on it. Diff from your version to the version that ran:\n```diff\n")
          .append(editDiff)
          .append("```\n\n");
    }
    out.append("<observation>\n");
    out.append("status: ").append(describe(result)).append('\n');
    out.append("duration: ").append(seconds(result.duration())).append('\n');
    if (!isolated) {
      out.append("note: this code ran WITHOUT sandbox isolation on the supervisor's machine.\n");
    }
    if (!result.missingPackages().isEmpty()) {
      out.append("missing packages (not importable here; nothing is installed for you): ")
          .append(String.join(", ", result.missingPackages()))
          .append('\n');
    }
    section(out, "stdout", result.stdout(), result.stdoutDroppedBytes());
    section(out, "stderr", result.stderr(), result.stderrDroppedBytes());
    if (result.error() != null && !result.error().isBlank()) {
      out.append("error: ").append(result.error().strip()).append('\n');
    }
    out.append("</observation>\n");
    if (doneWasClaimed) {
      out.append("\nYour answer also claimed <done>. Done is accepted only after you have seen the")
          .append(
              " output of your code: if the output above shows the task is complete, answer with")
          .append(" <done>...</done> alone; otherwise fix the problem.\n");
    }
    return out.toString();
  }

  public String rejection(String feedback) {
    String why = feedback == null || feedback.isBlank() ? "(no reason given)" : feedback.strip();
    return "The supervisor REJECTED your code; it did not run and changed nothing.\n"
        + "Supervisor's feedback: "
        + why
        + "\n\n"
        + "Propose new code that addresses the feedback, in the same format.";
  }

  public String formatError(String error, int inARow, int allowed) {
    return "Your previous answer could not be used: "
        + error
        + "\n"
        + "Nothing ran. (Format error "
        + inARow
        + " of "
        + allowed
        + " allowed in a row.)\n"
        + "Answer with <reasoning>...</reasoning>, optional <packages>...</packages> and"
        + " <code>...</code>; or with <done>...</done> when the task is finished.";
  }

  /** Cuts the middle of {@code text} so that at most {@code budget} characters remain. */
  public static String cutMiddle(String text, int budget) {
    if (text.length() <= budget) {
      return text;
    }
    int cut = text.length() - budget;
    String marker = "\n[... " + cut + " characters cut from the middle ...]\n";
    int head = budget / 2;
    int tail = budget - head;
    return text.substring(0, head) + marker + text.substring(text.length() - tail);
  }

  private void section(StringBuilder out, String name, String text, long dropped) {
    if (text.isEmpty() && dropped == 0) {
      out.append(name).append(": (empty)\n");
      return;
    }
    out.append(name).append(":\n").append(cutMiddle(text, outputBudget));
    if (!text.endsWith("\n")) {
      out.append('\n');
    }
    if (dropped > 0) {
      out.append("[")
          .append(name)
          .append(" exceeded the capture cap: ")
          .append(dropped)
          .append(" more bytes were dropped]\n");
    }
  }

  private static String describe(ExecutionResult r) {
    String code = r.exitCode() == null ? "" : " (exit code " + r.exitCode() + ")";
    return switch (r.status()) {
      case OK -> "success" + code;
      case ERROR -> "failed" + code;
      case TIMEOUT -> "timed out; the whole process tree was killed";
      case CANCELLED -> "cancelled by the supervisor";
      case KILLED -> "killed by a resource limit" + code;
    };
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }
}
