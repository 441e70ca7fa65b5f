package dev.airlock.ui;

import dev.airlock.agent.RiskDetector;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

/**
 * Tells the person that a gate waits when they are looking elsewhere: through the desktop's
 * notification service ({@code notify-send}, freedesktop) when there is one, else a ControlsFX
 * notification in the screen's corner. Nothing is shown while the window has the focus.
 */
final class DesktopNotifier {
  private final Executor background;
  private volatile Boolean notifySend;

  DesktopNotifier(Executor background) {
    this.background = background;
  }

  /** From the FX thread. */
  void gateWaits(Stage stage, String title, String body) {
    if (stage.isFocused()) {
      return;
    }
    background.execute(
        () -> {
          if (sendThroughDesktop(title, body)) {
            return;
          }
          Platform.runLater(
              () -> Notifications.create().owner(stage).title(title).text(body).showInformation());
        });
  }

  private boolean sendThroughDesktop(String title, String body) {
    if (notifySend == null) {
      notifySend = onPath("notify-send");
    }
    if (!notifySend) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(command(title, body))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly(); // a notification service that hangs must not hold a worker forever
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The notify-send command for {@code title} and {@code body}: options end before them (a run id
   * or a text starting with '-' is not an option), the body's markup characters are escaped (the
   * notification service reads a subset of HTML in it), and hidden characters are shown by their
   * code points.
   */
  static List<String> command(String title, String body) {
    return List.of(
        "notify-send", "--app-name=Airlock", "--", plain(title), escapeMarkup(plain(body)));
  }

  private static String plain(String text) {
    return RiskDetector.visible(text);
  }

  private static String escapeMarkup(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
