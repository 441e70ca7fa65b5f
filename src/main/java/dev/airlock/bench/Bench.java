package dev.airlock.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs figures pair by pair: warm-ups first, then timed pairs where even pairs run Airlock first
 * and odd pairs the baseline first, so neither side always inherits a warm cache or a busy core.
 * Prints one line per figure as it finishes and a verdict table at the end.
 */
public final class Bench {
  private final BenchContext context;
  private final PrintStream out;

  public Bench(BenchContext context, PrintStream out) {
    this.context = context;
    this.out = out;
  }

  /** A figure's outcome: its ratios, or why it could not be measured. */
  public record Outcome(Figure figure, Ratios ratios, String failure) {
    public boolean met() {
      return ratios != null && ratios.meets(figure.target());
    }
  }

  /** Measures each figure with {@code pairs} timed pairs (see {@link BenchContext#pairs}). */
  public List<Outcome> run(List<Figure> figures, int pairs) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Figure figure : figures) {
      Outcome outcome = measure(figure, context.pairs(pairs));
      outcomes.add(outcome);
      out.println(line(outcome));
      out.flush();
    }
    return outcomes;
  }

  /** Measures one figure. A figure that throws is reported, not fatal to the others. */
  public Outcome measure(Figure figure, int pairs) {
    try (Figure.Pair pair = figure.prepare(context)) {
      for (int i = 0; i < context.warmups(); i++) {
        pair.ours();
        pair.baseline();
      }
      List<Long> ours = new ArrayList<>();
      List<Long> base = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        if (i % 2 == 0) {
          ours.add(pair.ours());
          base.add(pair.baseline());
        } else {
          base.add(pair.baseline());
          ours.add(pair.ours());
        }
      }
      return new Outcome(figure, Ratios.of(ours, base), null);
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Outcome(figure, null, why);
    }
  }

  /** One figure as a line: times, ratio median (min-max) and the verdict. */
  public static String line(Outcome o) {
    Figure f = o.figure();
    if (o.ratios() == null) {
      return String.format(Locale.ROOT, "%-52s could not be measured: %s", f.name(), o.failure());
    }
    Ratios r = o.ratios();
    return String.format(
        Locale.ROOT,
        "%-52s %10s vs %10s  ratio %5.2fx (%.2f-%.2f, %d pairs)  target <= %.2fx  %s",
        f.name(),
        time(r.oursMedianNs()),
        time(r.baseMedianNs()),
        r.median(),
        r.min(),
        r.max(),
        r.pairs(),
        f.target(),
        r.meets(f.target()) ? "met" : "NOT met");
  }

  /** A Markdown table of every outcome, with each baseline named (for the README and notes). */
  public static String table(List<Outcome> outcomes) {
    StringBuilder md = new StringBuilder();
    md.append("| what | Airlock | baseline | ratio (min-max) | target | verdict |\n");
    md.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Outcome o : outcomes) {
      Figure f = o.figure();
      Ratios r = o.ratios();
      md.append("| ").append(f.name()).append(" | ");
      if (r == null) {
        md.append("- | ").append(f.baseline()).append(" | - | ");
        md.append(String.format(Locale.ROOT, "<= %.2fx", f.target()));
        md.append(" | not measured: ").append(o.failure()).append(" |\n");
        continue;
      }
      md.append(time(r.oursMedianNs())).append(" | ");
      md.append(f.baseline()).append(": ").append(time(r.baseMedianNs())).append(" | ");
      md.append(String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", r.median(), r.min(), r.max()));
      md.append(String.format(Locale.ROOT, " | <= %.2fx | ", f.target()));
      md.append(o.met() ? "met" : "NOT met").append(" |\n");
    }
    return md.toString();
  }

  static String time(double nanos) {
    if (nanos >= 1e9) {
      return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
    if (nanos >= 1e6) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
  }
}
