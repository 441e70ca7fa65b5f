package dev.airlock.bench;

import java.util.Arrays;
import java.util.List;

/** The per-pair ratios of one figure, and the medians of each side's own times. */
public record Ratios(
    double median, double min, double max, double oursMedianNs, double baseMedianNs, int pairs) {

  /** Folds paired samples (nanoseconds; {@code ours[i]} was timed next to {@code base[i]}). */
  public static Ratios of(List<Long> ours, List<Long> base) {
    if (ours.size() != base.size() || ours.isEmpty()) {
      throw new IllegalArgumentException(
          "paired samples need the same, non-zero count: " + ours.size() + " vs " + base.size());
    }
    double[] ratios = new double[ours.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = ours.get(i) / (double) Math.max(1, base.get(i));
    }
    Arrays.sort(ratios);
    return new Ratios(
        median(ratios),
        ratios[0],
        ratios[ratios.length - 1],
        median(ours.stream().mapToDouble(Long::doubleValue).sorted().toArray()),
        median(base.stream().mapToDouble(Long::doubleValue).sorted().toArray()),
        ratios.length);
  }

  /** True when the median ratio is at or under {@code target}. */
  public boolean meets(double target) {
    return median <= target;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
