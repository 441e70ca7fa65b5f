package dev.airlock.cli;

import dev.airlock.session.AirlockPaths;
import dev.airlock.session.Launcher;
import dev.airlock.session.RunIds;
import dev.airlock.session.RunRequest;
import dev.airlock.ui.ConsoleApp;
import dev.airlock.ui.ConsoleStart;
import dev.airlock.ui.ScreenshotTour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "screenshots",
    mixinStandardHelpOptions = true,
    description = {
      "Photograph the console for the README: runs the demo in a fresh, temporary home (your"
          + " lakehouse and runs are not touched), approves turn 1, shoots the main window while"
          + " turn 2 waits (light and dark), the merge gate, and the finished run, as PNG files.",
      "Needs a display: `xvfb-run -a airlock screenshots`."
    })
final class ScreenshotsCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "docs/screenshots",
      description = "Where the PNG files go. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!Display.available()) {
      System.err.println(
          "airlock screenshots: no display (DISPLAY is not set): run it under `xvfb-run -a`");
      return ExitCodes.UNAVAILABLE;
    }
    Path home = Files.createTempDirectory("airlock-screenshots-");
    Launcher launcher =
        new Launcher(
            new AirlockPaths(home.resolve("data"), home.resolve("config")),
            System.getenv(),
            Path.of(""),
            RunIds.username(),
            Clock.systemUTC());
    AtomicInteger exit = new AtomicInteger(ExitCodes.OK);
    Thread tour =
        new Thread(
            () -> {
              ConsoleApp app = ConsoleApp.shown().join();
              try {
                new ScreenshotTour(app, out, System.out).run();
              } catch (Exception e) {
                System.err.println("airlock screenshots: " + e.getMessage());
                exit.set(ExitCodes.FAILED);
              } finally {
                app.close();
              }
            },
            "airlock-screenshot-tour");
    tour.setDaemon(true);
    tour.start();
    ConsoleApp.run(ConsoleStart.live(launcher, RunRequest.builder("demo").build()));
    return exit.get();
  }
}
