package dev.airlock.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.scene.input.KeyEvent;

/**
 * A deliberate mistake for ArchitectureTest's FX-thread rule to catch (it must, or the rule proves
 * nothing): a key handler that reads a file on the FX thread, beside one that hands its write to a
 * background thread, which the rule allows.
 */
public final class BlockingOnTheFxThread {
  private final Executor background;

  public BlockingOnTheFxThread(Executor background) {
    this.background = background;
  }

  /** Wrong: the FX thread waits for the disk. */
  void onKey(KeyEvent e) throws IOException {
    Files.readString(Path.of("settings.txt"));
  }

  /** Right: the write happens on another thread. */
  void onSave(KeyEvent e) {
    background.execute(
        () -> {
          try {
            Files.writeString(Path.of("settings.txt"), e.getCharacter());
          } catch (IOException x) {
            throw new UncheckedIOException(x);
          }
        });
  }
}
