package dev.airlock.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What every figure may use: quick or full mode, a scratch folder deleted afterwards, the python
 * the sandbox runs, and the command line that starts Airlock as a user starts it (the launcher
 * script with its class-data archive when there is one, else {@code java -jar airlock.jar}).
 */
public record BenchContext(boolean quick, Path work, Path python, List<String> airlockCommand) {

  public BenchContext {
    airlockCommand = List.copyOf(airlockCommand);
  }

  /** Warm-up trials before the timed pairs. */
  public int warmups() {
    return quick ? 2 : 5;
  }

  /** {@code full} timed pairs, or a third of them (at least 5) with {@code --quick}. */
  public int pairs(int full) {
    return quick ? Math.max(5, full / 3) : full;
  }

  /** A subfolder of the scratch folder for one figure. */
  public Path scratch(String name) {
    return work.resolve(name);
  }
}
