package dev.airlock.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Airlock keeps things on disk, for every command and face: the XDG base directories ({@code
 * $XDG_DATA_HOME/airlock}, {@code $XDG_CONFIG_HOME/airlock}), defaulting to {@code
 * ~/.local/share/airlock} and {@code ~/.config/airlock}. As the XDG specification says, a relative
 * value is ignored.
 */
public record AirlockPaths(Path dataHome, Path configHome) {

  public static AirlockPaths fromEnvironment(Map<String, String> env) {
    Path home = Path.of(System.getProperty("user.home"));
    return new AirlockPaths(
        base(env.get("XDG_DATA_HOME"), home.resolve(".local/share")).resolve("airlock"),
        base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("airlock"));
  }

  public static AirlockPaths standard() {
    return fromEnvironment(System.getenv());
  }

  private static Path base(String value, Path fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Path path = Path.of(value);
    return path.isAbsolute() ? path : fallback;
  }

  /**
   * {@code run} itself when it is a transcript file, else run id {@code run}'s in {@code runsDir}.
   */
  public static Path transcriptOf(String run, Path runsDir) {
    Path direct = Path.of(run);
    if (Files.isRegularFile(direct)) {
      return direct;
    }
    return runsDir.resolve(run.endsWith(".jsonl") ? run : run + ".jsonl");
  }

  /** Transcripts, one {@code RUN.jsonl} per run. */
  public Path runs() {
    return dataHome.resolve("runs");
  }

  /** The embedded lakehouse's home. */
  public Path lakehouse() {
    return dataHome.resolve("lakehouse");
  }

  /** The generated demo dataset, made once. */
  public Path demoData() {
    return dataHome.resolve("demo-data");
  }

  /** Each run's sandbox-visible folders (its workspace, the Python client). */
  public Path workspaces() {
    return dataHome.resolve("workspaces");
  }

  /** Prompt files that override the packaged ones. */
  public Path prompts() {
    return configHome.resolve("prompts");
  }
}
