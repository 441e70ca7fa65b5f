package dev.airlock.ui.output;

import dev.airlock.agent.RunEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Realistic sandbox output for the output pane's benchmark, the same every time (seeded). */
final class SampleOutput {
  private SampleOutput() {}

  /**
   * Emits {@code lines} lines as a loading script prints them: mostly stdout progress and rows, one
   * stderr warning in about twelve lines and a traceback now and then; stdout chunks often end
   * mid-line, as a pipe delivers them.
   */
  static void produce(int turn, int lines, List<RunEvent> out) {
    Random random = new Random(42);
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    StringBuilder pending = new StringBuilder();
    int line = 0;
    while (line < lines) {
      int n = Math.min(lines - line, 1 + random.nextInt(40));
      StringBuilder chunk = new StringBuilder(pending);
      pending.setLength(0);
      for (int i = 0; i < n; i++) {
        line++;
        if (random.nextInt(12) == 0) {
          if (chunk.length() > 0) {
            emit(turn, out, chunk, stdout, null, pending);
            chunk.setLength(0);
          }
          String warning = warning(line, random);
          stderr.append(warning);
          out.add(new RunEvent.OutputChunk(turn, Instant.now(), "stderr", warning));
        } else {
          chunk.append(row(line, random));
        }
      }
      if (chunk.length() > 0) {
        emit(turn, out, chunk, stdout, random, pending);
      }
    }
    if (pending.length() > 0) {
      stdout.append(pending);
      out.add(new RunEvent.OutputChunk(turn, Instant.now(), "stdout", pending.toString()));
    }
    out.add(
        new RunEvent.ExecutionFinished(
            turn,
            Instant.now(),
            "OK",
            0,
            stdout.toString(),
            stderr.toString(),
            0,
            0,
            null,
            1000,
            List.of()));
  }

  /**
   * Sends {@code chunk} to stdout; with a {@code random}, often holds back the end of its last line
   * in {@code pending} for the next chunk, as a pipe splits a line.
   */
  private static void emit(
      int turn,
      List<RunEvent> out,
      StringBuilder chunk,
      StringBuilder all,
      Random random,
      StringBuilder pending) {
    String text = chunk.toString();
    if (random != null && random.nextInt(3) == 0 && text.length() > 20) {
      int cut = text.length() - 1 - random.nextInt(Math.min(15, text.length() - 1));
      pending.append(text, cut, text.length());
      text = text.substring(0, cut);
    }
    all.append(text);
    out.add(new RunEvent.OutputChunk(turn, Instant.now(), "stdout", text));
  }

  private static String row(int line, Random random) {
    return switch (random.nextInt(4)) {
      case 0 ->
          String.format(
              Locale.ROOT,
              "loading fees/2026-11-%02d.csv: batch %d, %d rows so far%n",
              1 + line % 28,
              line / 500,
              line * 7);
      case 1 ->
          String.format(
              Locale.ROOT,
              "  row %d: account=AC-%06d amount=%.2f currency=EUR fee_type=%s booked=2026-11-%02d%n",
              line,
              random.nextInt(1_000_000),
              random.nextDouble() * 5000,
              random.nextBoolean() ? "wire" : "card",
              1 + line % 28);
      case 2 -> String.format(Locale.ROOT, "ok %d%n", line);
      default ->
          String.format(
              Locale.ROOT,
              "checked %d rows of fees_staging against the schema (%d columns, %d nulls in"
                  + " optional fields, %d duplicates dropped)%n",
              line * 7,
              12,
              random.nextInt(40),
              random.nextInt(3));
    };
  }

  private static String warning(int line, Random random) {
    if (random.nextInt(40) == 0) {
      return "Traceback (most recent call last):\n"; // one line; the rest follows as rows
    }
    return String.format(
        Locale.ROOT,
        "WARNING: row %d has no fee_type; defaulting to 'unknown' (%d so far)%n",
        line,
        1 + random.nextInt(line));
  }
}
