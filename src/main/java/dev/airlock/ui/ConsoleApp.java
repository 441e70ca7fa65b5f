package dev.airlock.ui;

import dev.airlock.session.RunSession;
import dev.airlock.ui.output.FirstFrame;
import dev.airlock.ui.settings.ConsoleLook;
import dev.airlock.ui.settings.SettingsFile;
import dev.airlock.ui.settings.SettingsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console application: opens the main window with what {@link ConsoleStart} says and, when the
 * window closes, stops and closes every live run (in the background) before the toolkit exits.
 *
 * <p>With the system property {@code airlock.console.firstFrameExit=true} it prints {@code
 * first-frame-ms N} (milliseconds since the JVM started) once the window has drawn its first frame,
 * and exits: {@code airlock bench-console} measures the start time with it.
 */
public final class ConsoleApp extends Application {
  private static volatile ConsoleStart pending;
  private static final CompletableFuture<Void> closed = new CompletableFuture<>();
  private static final CompletableFuture<ConsoleApp> shown = new CompletableFuture<>();
  private static final Logger QUIET_STARTUP = Logger.getLogger("javafx");

  /** How long the first frame waits for console.json, in milliseconds. */
  private static final long SETTINGS_PATIENCE_MS = 1500;

  private final ConsoleStart start;
  private ExecutorService background;
  private ExecutorService answers;
  private ConsoleWindow window;
  private Stage stage;
  private SettingsStore.Read preread;
  private volatile boolean closing;
  private final CompletableFuture<ConsoleWindow> built = new CompletableFuture<>();

  /** For {@link Application#launch}: takes what {@link #run} was given. */
  public ConsoleApp() {
    this(pending);
  }

  public ConsoleApp(ConsoleStart start) {
    this.start = start;
  }

  /**
   * Opens the console and returns when its window is closed and its runs are released. Call from
   * the main thread, once per process (the JavaFX toolkit starts once).
   */
  public static void run(ConsoleStart start) {
    pending = start;
    // The jar carries JavaFX on the class path, which JavaFX warns about at every start; it works.
    QUIET_STARTUP.setLevel(Level.SEVERE);
    Application.launch(ConsoleApp.class);
    try {
      closed.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      System.err.println("airlock console: runs were still closing when the console exited");
    }
  }

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    Platform.setImplicitExit(false);
    background = Executors.newCachedThreadPool(daemons("airlock-console-work"));
    answers = Executors.newSingleThreadExecutor(daemons("airlock-console-answers"));
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          closeRuns(true);
        });
    // The remembered theme decides the first frame's colours: the settings are read (in the
    // background) before the stage is first shown, so a dark console never flashes light. A read
    // that hangs (a stalled network folder) holds the window back no longer than a moment: it
    // opens with the defaults and reads the file again.
    SettingsFile file = new SettingsFile(start.launcher().paths().configHome());
    OffFxThread.then(
        CompletableFuture.supplyAsync(() -> SettingsStore.read(file), background)
            .completeOnTimeout(null, SETTINGS_PATIENCE_MS, TimeUnit.MILLISECONDS),
        (read, failure) -> show(read));
  }

  /**
   * Shows the opening frame in the look {@code read} says (null: the defaults, read again later).
   */
  private void show(SettingsStore.Read read) {
    if (closing) {
      return;
    }
    preread = read;
    if (read != null) {
      ConsoleLook.apply(read.loaded().settings());
    }
    // The first frame is the window's outline; the window itself (the theme's stylesheets, the
    // panes and their skins, the run) is built right after that frame is drawn.
    Scene opening = OpeningFrame.scene(ConsoleWindow.WIDTH, ConsoleWindow.HEIGHT);
    FirstFrame.reportWhenShown(opening);
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          opening.removePostLayoutPulseListener(once[0]);
          Platform.runLater(this::build); // after this pulse, so its frame is drawn first
        };
    opening.addPostLayoutPulseListener(once[0]);
    stage.setTitle("Airlock");
    stage.setScene(opening);
    stage.show();
  }

  /** Builds the window over the opening frame and opens what the console was started with. */
  private void build() {
    if (closing) {
      return;
    }
    window = new ConsoleWindow(stage, start.launcher(), background, answers, preread);
    if (start.replay() != null) {
      // Read while the toolkit started; shown at once when it is already in.
      ConsoleStart.Replay replay = start.replay();
      OffFxThread.then(
          replay.history(),
          (history, failure) -> {
            if (closing) {
              return;
            }
            if (history != null) {
              window.openReplay(replay.name(), history);
              FirstFrame.reportCompleteWhenShown(window.scene());
            } else {
              closeRuns(true); // the command says why once the window is gone
            }
          });
    } else {
      FirstFrame.reportCompleteWhenShown(window.scene());
    }
    if (start.request() != null) {
      window.open(start.request());
    }
    built.complete(window);
    shown.complete(this);
  }

  /** The main window once built (right after the opening frame is drawn). */
  public CompletableFuture<ConsoleWindow> built() {
    return built;
  }

  /** The application once its window is built (for a tour that drives it from another thread). */
  public static CompletableFuture<ConsoleApp> shown() {
    return shown;
  }

  /** Closes the window as the person would (from any thread): runs stop, the toolkit exits. */
  public void close() {
    Platform.runLater(() -> closeRuns(true));
  }

  /** The main window (tests drive it). */
  public ConsoleWindow window() {
    return window;
  }

  @Override
  public void stop() {
    closeRuns(false);
  }

  /** Hides the window, then stops and closes the runs off the FX thread; exits when done. */
  private void closeRuns(boolean exitAfter) {
    if (closing) {
      return;
    }
    closing = true;
    stage.hide();
    // Every run the window launched, those still starting too: none may outlive the window.
    List<CompletableFuture<RunSession>> launched = window == null ? List.of() : window.close();
    Thread closer =
        new Thread(
            () -> {
              List<RunSession> sessions = new ArrayList<>();
              for (CompletableFuture<RunSession> l : launched) {
                l.thenAccept(
                    s -> {
                      if (s != null) {
                        s.stop("the console was closed");
                      }
                    });
              }
              for (CompletableFuture<RunSession> l : launched) {
                RunSession s = l.join(); // the launcher ends (or fails) on its own
                if (s != null) {
                  sessions.add(s);
                }
              }
              for (RunSession s : sessions) {
                s.close();
              }
              background.shutdownNow();
              answers.shutdown();
              closed.complete(null);
              if (exitAfter) {
                Platform.runLater(Platform::exit);
              }
            },
            "airlock-console-close");
    closer.start();
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
