package dev.airlock.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where API keys come from: the process environment first, then a {@code .env} file in the working
 * folder. Values are handed to the provider client only; {@link #toString()} shows no value.
 */
public final class Secrets {
  private final Map<String, String> environment;
  private final Map<String, String> dotEnv;
  private final Path dotEnvFile;

  public Secrets(Map<String, String> environment, Map<String, String> dotEnv, Path dotEnvFile) {
    this.environment = Map.copyOf(environment);
    this.dotEnv = Map.copyOf(dotEnv);
    this.dotEnvFile = Objects.requireNonNull(dotEnvFile, "dotEnvFile");
  }

  /** The real environment plus {@code workingFolder/.env}. */
  public static Secrets load(Path workingFolder) throws ModelException {
    Path file = workingFolder.toAbsolutePath().resolve(".env");
    return new Secrets(System.getenv(), DotEnv.load(file), file);
  }

  /** No keys at all: for the scripted model and for tests. */
  public static Secrets none() {
    return new Secrets(Map.of(), Map.of(), Path.of(".env").toAbsolutePath());
  }

  /** The value of {@code name}; the environment wins over .env; blank counts as unset. */
  public Optional<String> get(String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      value = dotEnv.get(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** The .env file consulted (it may not exist), for telling the user where to put a key. */
  public Path dotEnvFile() {
    return dotEnvFile;
  }

  @Override
  public String toString() {
    return "Secrets[environment, " + dotEnvFile + "]";
  }
}
