package dev.airlock.ui;

import dev.airlock.agent.RunEvent;
import dev.airlock.session.LaunchException;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunRequest;
import dev.airlock.session.RunSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Opens the window's runs: the launcher works in the background, the session is attached (its
 * events batched onto the FX thread) and started off it. Once the window closes nothing more is
 * attached or started, and every launch, those still starting included, is handed to the closer.
 */
final class RunStarter {
  private final Launcher launcher;
  private final Executor background;
  private final BiConsumer<RunEntry, List<RunEvent>> onBatch;
  private final Runnable refresh;

  /** Every run this window started, as it comes out of the launcher (or fails to). */
  private final List<CompletableFuture<RunSession>> launches = new ArrayList<>();

  /** Set once the window closes: a run still starting is handed to the closer, never attached. */
  private volatile boolean closed;

  RunStarter(
      Launcher launcher,
      Executor background,
      BiConsumer<RunEntry, List<RunEvent>> onBatch,
      Runnable refresh) {
    this.launcher = launcher;
    this.background = background;
    this.onBatch = onBatch;
    this.refresh = refresh;
  }

  /** Launches {@code request} for {@code entry} (from the FX thread). */
  void start(RunEntry entry, RunRequest request) {
    CompletableFuture<RunSession> launched = new CompletableFuture<>();
    launches.add(launched);
    background.execute(
        () -> {
          try {
            RunSession session =
                launcher.open(
                    request,
                    line ->
                        Platform.runLater(
                            () -> {
                              entry.progress = line;
                              refresh.run();
                            }));
            // Handed over before it is attached: a window closed meanwhile still releases it.
            launched.complete(session);
            if (!closed) {
              Platform.runLater(() -> attach(entry, session));
            }
          } catch (RunRequest.Invalid | LaunchException e) {
            Platform.runLater(() -> failed(entry, e.getMessage()));
          } catch (RuntimeException e) {
            Platform.runLater(
                () -> failed(entry, e.getClass().getSimpleName() + ": " + e.getMessage()));
          } finally {
            launched.complete(null); // whatever went wrong, the closer must not wait for ever
          }
        });
  }

  /**
   * From now on no run is attached or started; returns every launch (a future completes when the
   * launcher is done, with null if it failed) for the caller to stop and close off the FX thread.
   */
  List<CompletableFuture<RunSession>> close() {
    closed = true;
    return List.copyOf(launches);
  }

  private void failed(RunEntry entry, String problem) {
    entry.problem = problem;
    entry.progress = null;
    refresh.run();
  }

  private void attach(RunEntry entry, RunSession session) {
    if (closed) {
      return; // the closer has it (close()); it never starts
    }
    entry.session = session;
    entry.progress = null;
    entry.name = session.runId();
    entry.model.apply(List.of(session.started()));
    entry.subscription =
        session.subscribe(
            new EventBatcher(Platform::runLater, batch -> onBatch.accept(entry, batch)));
    String stopAsked = entry.stopAsked;
    // start() takes the session's lock, which close() may hold: not on the FX thread.
    background.execute(
        () -> {
          if (stopAsked != null) {
            // Ctrl+. while it was starting: it starts only to end stopped, on record, at once.
            session.stop(stopAsked);
          }
          session.start();
        });
    refresh.run();
  }
}
