package dev.airlock.ui;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.Executor;
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
          new ProcessBuilder("notify-send", "--app-name=Airlock", title, body)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
