package dev.airlock.ui.merge;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders the merge gate on a real waiting merge into PNGs, light and dark, for a person to look
 * at: {@code java ... dev.airlock.ui.merge.MergeGateRender OUT_DIR} under Xvfb.
 */
final class MergeGateRender {
  private MergeGateRender() {}

  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/screenshots"));
    Path work = Files.createTempDirectory("merge-gate-render");
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    try (MergeFixture fixture = new MergeFixture(work)) {
      for (String theme : new String[] {"light", "dark"}) {
        MergeGateDialog dialog =
            fx(
                () -> {
                  Application.setUserAgentStylesheet(
                      theme.equals("light")
                          ? new PrimerLight().getUserAgentStylesheet()
                          : new PrimerDark().getUserAgentStylesheet());
                  MergeGateDialog d = new MergeGateDialog(null, fixture.pending, r -> {});
                  d.show();
                  return d;
                });
        ScrollPane scroll =
            fx(() -> (ScrollPane) dialog.stage().getScene().lookup(".merge-evidence-scroll"));
        shot(dialog, out.resolve("merge-gate-" + theme + ".png"));
        fx(() -> scroll.getVmax() * 0.7, scroll::setVvalue);
        shot(dialog, out.resolve("merge-gate-" + theme + "-middle.png"));
        fx(scroll::getVmax, scroll::setVvalue);
        shot(dialog, out.resolve("merge-gate-" + theme + "-scrolled.png"));
        // An empty rejection (the inline error) with the keyboard on the failing check's title.
        fx(
            () -> {
              scroll.setVvalue(0);
              ((Button) dialog.stage().getScene().lookup("#merge-reject")).fire();
              dialog.stage().getScene().lookup(".merge-check").requestFocus();
              return null;
            });
        shot(dialog, out.resolve("merge-gate-" + theme + "-error.png"));
        fx(
            () -> {
              dialog.close();
              return null;
            });
      }
    } finally {
      Platform.exit();
    }
  }

  /** Lets the window settle for a few pulses, then writes it to {@code file}. */
  private static void shot(MergeGateDialog dialog, Path file) throws Exception {
    Thread.sleep(700);
    WritableImage image = fx(() -> dialog.stage().getScene().snapshot(null));
    write(image, file);
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Exception | Error e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(60, TimeUnit.SECONDS);
  }

  private static <T> void fx(Callable<T> value, Consumer<T> use) throws Exception {
    fx(
        () -> {
          use.accept(value.call());
          return null;
        });
  }

  static void write(WritableImage image, Path file) throws Exception {
    PixelReader pixels = image.getPixelReader();
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        png.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(png, "png", file.toFile());
  }
}
