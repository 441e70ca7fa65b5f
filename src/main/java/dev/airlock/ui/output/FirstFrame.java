package dev.airlock.ui.output;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The start-time probe of {@code airlock bench-console}: with the system property {@value
 * #EXIT_PROPERTY} set to true, a window reports two moments, each at the first pulse that lays out
 * a shown scene (the frame is drawn right after it), in milliseconds since the JVM started: {@code
 * first-frame-ms N}, the first frame of the window (the console's opening frame), and {@code
 * complete-ms N}, the first frame of the whole window with what it opened shown; then the JVM
 * exits. The bare window and the console use this same probe, so their figures compare.
 */
public final class FirstFrame {
  public static final String EXIT_PROPERTY = "airlock.console.firstFrameExit";
  public static final String LINE_PREFIX = "first-frame-ms ";
  public static final String COMPLETE_PREFIX = "complete-ms ";

  private static boolean firstReported;

  private FirstFrame() {}

  /** Whether this JVM was started to measure its first frame. */
  public static boolean requested() {
    return Boolean.getBoolean(EXIT_PROPERTY);
  }

  /** When {@link #requested}: prints the first frame's time for {@code scene} (FX thread). */
  public static void reportWhenShown(Scene scene) {
    atFirstFrame(scene, false);
  }

  /**
   * When {@link #requested}: prints the time of {@code scene}'s first frame as the whole window's
   * (and as the first frame's, when none was reported yet), then exits (FX thread).
   */
  public static void reportCompleteWhenShown(Scene scene) {
    atFirstFrame(scene, true);
  }

  private static void atFirstFrame(Scene scene, boolean complete) {
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
          if (!firstReported) {
            firstReported = true;
            System.out.println(LINE_PREFIX + ms);
          }
          if (complete) {
            System.out.println(COMPLETE_PREFIX + ms);
          }
          System.out.flush();
          if (complete) {
            Platform.runLater(() -> System.exit(0)); // after the frame this pulse draws
          }
        };
    scene.addPostLayoutPulseListener(once[0]);
  }
}
