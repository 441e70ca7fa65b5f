package dev.airlock.ui;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import java.util.concurrent.CompletableFuture;

/**
 * What the console opens with: a run to start at once ({@code request}, through {@code launcher}),
 * or a recorded run to show read-only ({@code replay}), or neither (an empty console).
 */
public record ConsoleStart(Launcher launcher, RunRequest request, Replay replay) {

  /**
   * A recorded run; its transcript may still be being read while the window opens (the window shows
   * it once read). A transcript that cannot be read completes {@code history} exceptionally: the
   * console then closes and the command says why.
   */
  public record Replay(String name, CompletableFuture<RunHistory> history) {}

  public static ConsoleStart live(Launcher launcher, RunRequest request) {
    return new ConsoleStart(launcher, request, null);
  }

  public static ConsoleStart replay(Launcher launcher, String name, RunHistory history) {
    return replay(launcher, name, CompletableFuture.completedFuture(history));
  }

  /** A recorded run read in the background while the window opens. */
  public static ConsoleStart replay(
      Launcher launcher, String name, CompletableFuture<RunHistory> history) {
    return new ConsoleStart(launcher, null, new Replay(name, history));
  }
}
