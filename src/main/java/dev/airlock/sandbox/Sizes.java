package dev.airlock.sandbox;

/** Byte counts as people write them: "2 GiB", "256 MiB", "1.5 GiB". */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return value == Math.rint(value)
        ? String.format("%d %s", (long) value, units[unit])
        : String.format("%.1f %s", value, units[unit]);
  }
}
