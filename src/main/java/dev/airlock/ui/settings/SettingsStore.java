package dev.airlock.ui.settings;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The console's settings while it runs: read once in the background when the window opens, kept
 * here on the FX thread, written back in the background (atomically) whenever they change. Until
 * the file is read, the defaults stand.
 */
public final class SettingsStore {
  private final SettingsFile file;
  private final Executor background;
  private ConsoleSettings current = ConsoleSettings.defaults();
  private String freeText = "";
  private boolean loaded;

  /** Writes one after another, in the order the changes were made. */
  private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

  public SettingsStore(SettingsFile file, Executor background) {
    this.file = file;
    this.background = background;
  }

  public SettingsFile file() {
    return file;
  }

  /** The file as read: its settings (and the one problem to tell), and the free-text task. */
  public record Read(SettingsFile.Loaded loaded, String freeText) {}

  /** Reads {@code file} (I/O: never on the FX thread). */
  public static Read read(SettingsFile file) {
    return new Read(file.load(), file.readFreeText());
  }

  /**
   * Reads the file in the background; then, on the FX thread, {@code onLoaded} gets the settings
   * and {@code say} the one problem to tell the person, if any.
   */
  public void load(Consumer<ConsoleSettings> onLoaded, Consumer<String> say) {
    background.execute(
        () -> {
          Read read = read(file);
          Platform.runLater(() -> loaded(read, onLoaded, say));
        });
  }

  /**
   * Takes the file as {@code read} already (on the FX thread): {@code onLoaded} gets the settings
   * and {@code say} the one problem to tell the person, if any.
   */
  public void loaded(Read read, Consumer<ConsoleSettings> onLoaded, Consumer<String> say) {
    // A change made before the file was read wins over the file.
    if (!loaded) {
      current = read.loaded().settings();
      freeText = read.freeText();
      loaded = true;
    }
    onLoaded.accept(current);
    if (read.loaded().problem() != null) {
      say.accept(read.loaded().problem());
    }
  }

  /** The settings now (FX thread). */
  public ConsoleSettings current() {
    return current;
  }

  /** The free-text task last typed in New run (FX thread). */
  public String freeText() {
    return freeText;
  }

  /** Remembers {@code text} as New run's free-text task (the file is written by New run). */
  public void rememberFreeText(String text) {
    freeText = text;
  }

  /** Takes {@code settings} and writes them in the background; {@code failed} hears a failure. */
  public void update(ConsoleSettings settings, Consumer<String> failed) {
    current = settings;
    loaded = true;
    writes =
        writes.thenRunAsync(
            () -> {
              try {
                file.save(settings);
              } catch (IOException e) {
                Platform.runLater(
                    () ->
                        failed.accept(
                            "could not save "
                                + file.path()
                                + " ("
                                + e.getClass().getSimpleName()
                                + ": "
                                + e.getMessage()
                                + "): the settings hold until the console closes"));
              }
            },
            background);
  }

  /** Completes once every change made so far is written (or failed to be). */
  public CompletableFuture<Void> written() {
    return writes;
  }
}
