package dev.airlock.ui.output;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The start-time probe of {@code airlock bench-console}: with the system property {@value
 * #EXIT_PROPERTY} set to true, a window calls {@link #reportWhenShown} once it is shown; at the
 * first pulse that lays out its scene (the frame is drawn right after it) it prints one line {@code
 * first-frame-ms N}, the milliseconds since the JVM started, and exits. The bare window and the
 * console use this same probe, so their figures compare.
 */
public final class FirstFrame {
  public static final String EXIT_PROPERTY = "airlock.console.firstFrameExit";
  public static final String LINE_PREFIX = "first-frame-ms ";

  private FirstFrame() {}

  /** Whether this JVM was started to measure its first frame. */
  public static boolean requested() {
    return Boolean.getBoolean(EXIT_PROPERTY);
  }

  /** When {@link #requested}: prints the first frame's time for {@code scene}, then exits. */
  public static void reportWhenShown(Scene scene) {
    if (!requested()) {
      return;
    }
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
          }
          scene.removePostLayoutPulseListener(once[0]);
          long ms =
              System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
          System.out.println(LINE_PREFIX + ms);
          System.out.flush();
          Platform.runLater(() -> System.exit(0)); // after the frame this pulse draws
        };
    scene.addPostLayoutPulseListener(once[0]);
  }
}
