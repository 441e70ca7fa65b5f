package dev.airlock.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Markdown prompt templates: packaged in the jar under {@code dev/airlock/prompts/}, each
 * overridable by a file of the same name in a user folder (e.g. {@code ~/.config/airlock/prompts}).
 */
public final class Prompts {
  public static final String SYSTEM = "system.md";
  public static final String TASK = "task-wap-ingest.md";
  public static final String PLATFORM = "platform-bauplan.md";

  private final Path overrides;

  /**
   * @param overrides a folder whose files replace the packaged ones; null for none
   */
  public Prompts(Path overrides) {
    this.overrides = overrides;
  }

  public String load(String name) {
    if (overrides != null) {
      Path file = overrides.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the prompt override " + file, e);
        }
      }
    }
    String resource = "/dev/airlock/prompts/" + name;
    try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the packaged prompt " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged prompt " + resource, e);
    }
  }

  /** Where a template came from, for the run's settings ("packaged" or the override path). */
  public String origin(String name) {
    if (overrides != null && Files.isRegularFile(overrides.resolve(name))) {
      return overrides.resolve(name).toString();
    }
    return "packaged";
  }
}
