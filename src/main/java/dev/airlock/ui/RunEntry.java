package dev.airlock.ui;

import dev.airlock.agent.RunEvent;
import dev.airlock.session.RunSession;
import dev.airlock.session.Subscription;
import java.util.Locale;

/**
 * One run in the console's list: a live session (once opened) or a recorded run, its view model,
 * and where the supervisor is looking in it. Touched on the FX thread only.
 */
final class RunEntry {
  final RunViewModel model = new RunViewModel();
  final boolean replay;
  String name;
  RunSession session;
  Subscription subscription;

  /** Why the run could not start, or null. */
  String problem;

  /** For a recorded run: what of its transcript could not be read (skipped lines), or null. */
  String readNote;

  /** For a damaged transcript: where the shown run stops and what was skipped, or null. */
  String damage;

  /** What the launcher is doing while the run opens, or null. */
  String progress;

  /** The turn the panes show; 0 before the first. */
  int selectedTurn;

  /** Whether the selection follows the newest turn (until the supervisor steps back). */
  boolean follow = true;

  /** Why the supervisor stopped the run while it was still starting, or null. */
  String stopAsked;

  RunEntry(String name, boolean replay) {
    this.name = name;
    this.replay = replay;
  }

  /** The run's state in a word or two, as the runs list shows it. */
  String state() {
    if (problem != null) {
      return "could not start";
    }
    RunEvent.RunFinished finished = model.projection().finished();
    if (finished != null) {
      return finished.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    if (replay) {
      return "recorded";
    }
    if (session == null) {
      return stopAsked != null ? "stopping" : "starting";
    }
    return model.waiting() != null ? "waiting for you" : "running";
  }

  /** Live, but the launcher has not handed the session over yet. */
  boolean starting() {
    return !replay && session == null && problem == null;
  }

  boolean live() {
    return session != null && model.projection().finished() == null;
  }

  int newestTurn() {
    var turns = model.projection().turns();
    return turns.isEmpty() ? 0 : turns.get(turns.size() - 1).turn();
  }
}
