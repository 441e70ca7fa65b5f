package dev.airlock.ui.merge;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(
            () -> {
              try {
                Application.setUserAgentStylesheet(
                    theme.equals("light")
                        ? new PrimerLight().getUserAgentStylesheet()
                        : new PrimerDark().getUserAgentStylesheet());
                MergeGateDialog dialog = new MergeGateDialog(null, fixture.pending, r -> {});
                dialog.show();
                // Two pulses: the first lays out and applies CSS, the second draws it settled.
                Platform.runLater(
                    () ->
                        Platform.runLater(
                            () -> {
                              try {
                                shoot(dialog, out, theme);
                                dialog.close();
                                done.complete(null);
                              } catch (Exception e) {
                                done.completeExceptionally(e);
                              }
                            }));
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      Platform.exit();
    }
  }

  private static void shoot(MergeGateDialog dialog, Path out, String theme) throws Exception {
    write(dialog.stage().getScene().snapshot(null), out.resolve("merge-gate-" + theme + ".png"));
    ScrollPane scroll = (ScrollPane) dialog.stage().getScene().lookup(".merge-evidence-scroll");
    scroll.setVvalue(scroll.getVmax());
    scroll.layout();
    write(
        dialog.stage().getScene().snapshot(null),
        out.resolve("merge-gate-" + theme + "-scrolled.png"));
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
