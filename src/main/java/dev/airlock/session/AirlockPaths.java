package dev.airlock.session;

import java.nio.file.Path;
import java.util.Map;

/** Where Airlock keeps things on disk (XDG base directories). */
public record AirlockPaths(Path dataHome, Path configHome) {

  public static AirlockPaths fromEnvironment(Map<String, String> env) {
    Path home = Path.of(System.getProperty("user.home"));
    String data = env.get("XDG_DATA_HOME");
    String config = env.get("XDG_CONFIG_HOME");
    return new AirlockPaths(
        (data == null || data.isBlank() ? home.resolve(".local/share") : Path.of(data))
            .resolve("airlock"),
        (config == null || config.isBlank() ? home.resolve(".config") : Path.of(config))
            .resolve("airlock"));
  }

  public static AirlockPaths standard() {
    return fromEnvironment(System.getenv());
  }

  public Path runs() {
    return dataHome.resolve("runs");
  }

  public Path lakehouse() {
    return dataHome.resolve("lakehouse");
  }

  public Path demoData() {
    return dataHome.resolve("demo-data");
  }

  public Path workspaces() {
    return dataHome.resolve("workspaces");
  }

  public Path prompts() {
    return configHome.resolve("prompts");
  }
}
