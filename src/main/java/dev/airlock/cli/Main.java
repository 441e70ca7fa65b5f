package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code airlock.jar}: the command line face of the engine. */
@Command(
    name = "airlock",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Supervise an LLM data agent: approve its code, audit its data, merge to main.",
    subcommands = {
      RunCommand.class,
      ConsoleCommand.class,
      ScreenshotsCommand.class,
      ReplayCommand.class,
      RunsCommand.class,
      LakehouseCommand.class,
      VerifyCommand.class,
      DemoDataCommand.class,
      BenchCommand.class,
      BenchConsoleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** With no arguments and a display, the console opens (the embedded demo); else the help. */
  public static void main(String[] args) {
    System.exit(execute(args.length == 0 && Display.available() ? new String[] {"console"} : args));
  }

  /** Runs a command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setCommandName(CommandName.prefix());
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"airlock " + (v == null ? "dev" : v)};
    }
  }
}
