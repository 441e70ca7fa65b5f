package dev.airlock.ui;

import dev.airlock.agent.RunHistory;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;

/**
 * What the console opens with: a run to start at once ({@code request}, through {@code launcher}),
 * or a recorded run to show read-only ({@code replay}), or neither (an empty console).
 */
public record ConsoleStart(Launcher launcher, RunRequest request, Replay replay) {

  /** A recorded run, read from its transcript before the window opens. */
  public record Replay(String name, RunHistory history) {}

  public static ConsoleStart live(Launcher launcher, RunRequest request) {
    return new ConsoleStart(launcher, request, null);
  }

  public static ConsoleStart replay(Launcher launcher, String name, RunHistory history) {
    return new ConsoleStart(launcher, null, new Replay(name, history));
  }
}
