package dev.airlock.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code airlock.jar}: the command line face of the engine.
 *
 * <p>Subcommands are built lazily: picocli builds a command by reflecting over its class and
 * creating its object, which loads what its fields and defaults name (the run's classes, the
 * console's, the bench's). A command line builds only the subcommand its arguments name; the others
 * are listed by name and description so help still shows every one of them.
 */
@Command(
    name = "airlock",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Supervise an LLM data agent: approve its code, audit its data, merge to main.")
public final class Main implements Runnable {

  /** Every subcommand but help, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RunCommand.class,
          ConsoleCommand.class,
          ScreenshotsCommand.class,
          ReplayCommand.class,
          ExportCommand.class,
          RunsCommand.class,
          LakehouseCommand.class,
          VerifyCommand.class,
          DemoDataCommand.class,
          BenchCommand.class,
          BenchConsoleCommand.class);

  @Spec CommandSpec spec;

  /** With no arguments and a display, the console opens (the embedded demo); else the help. */
  public static void main(String[] args) {
    if (version(args, System.out)) {
      System.exit(ExitCodes.OK);
    }
    System.exit(execute(args.length == 0 && Display.available() ? new String[] {"console"} : args));
  }

  /**
   * Prints the version when that is all {@code args} ask for, as picocli would print it, without
   * starting picocli: its classes are Java 5 class files (verified the slow way, never kept in a
   * class-data archive), most of the time a bare {@code --version} would otherwise take.
   */
  static boolean version(String[] args, PrintStream out) {
    if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
      return false;
    }
    for (String line : new Version().getVersion()) {
      out.println(line);
    }
    out.flush();
    return true;
  }

  /** Runs a command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return commandLine(args).execute(args);
  }

  /** The whole command tree, every subcommand built (what help and the tests walk). */
  public static CommandLine commandLine() {
    return build(null, List.of(), true);
  }

  /**
   * The command tree for {@code args}: the subcommand they name is built, the others are only
   * listed. When the arguments name no known subcommand but are not only options (help, a typo, an
   * {@code @file}), everything is built, so picocli answers exactly as with the whole tree.
   */
  static CommandLine commandLine(String... args) {
    int at = firstWord(args, 0, null);
    if (at < 0) {
      return build(null, List.of(), false);
    }
    for (Class<?> type : SUBCOMMANDS) {
      if (names(type.getAnnotation(Command.class)).contains(args[at])) {
        return build(type, List.of(args).subList(at + 1, args.length), false);
      }
    }
    return build(null, List.of(), true);
  }

  /** Main with {@code built} (or every subcommand when {@code all}) built, the rest listed. */
  private static CommandLine build(Class<?> built, List<String> rest, boolean all) {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> type : SUBCOMMANDS) {
      cli.addSubcommand(
          all || type == built ? withMethods(new CommandLine(type), rest, all) : listed(type));
    }
    cli.addSubcommand(new CommandLine(CommandLine.HelpCommand.class));
    cli.setCommandName(CommandName.prefix());
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    return cli;
  }

  /**
   * Adds the method subcommands of a command that leaves them to us ({@code addMethodSubcommands =
   * false}, e.g. {@code lakehouse}): the one {@code rest} names is built, the others are listed;
   * every one is built when {@code all} or when {@code rest} names none of them but is more than
   * options (a typo, help), so picocli answers as with the whole tree.
   */
  private static CommandLine withMethods(CommandLine cli, List<String> rest, boolean all) {
    Class<?> type = cli.getCommandSpec().userObject().getClass();
    if (type.getAnnotation(Command.class).addMethodSubcommands()) {
      return cli;
    }
    List<Method> methods = CommandLine.getCommandMethods(type, null);
    String[] args = rest.toArray(String[]::new);
    int at = firstWord(args, 0, cli.getCommandSpec());
    boolean named =
        at >= 0
            && methods.stream()
                .anyMatch(m -> names(m.getAnnotation(Command.class)).contains(args[at]));
    boolean buildAll = all || (at >= 0 && !named);
    for (Method m : methods) {
      Command c = m.getAnnotation(Command.class);
      boolean build = buildAll || (named && names(c).contains(args[at]));
      cli.addSubcommand(build ? new CommandLine(m) : listed(c));
    }
    return cli;
  }

  /**
   * The index of the first argument from {@code from} that is not an option or an option's value
   * ({@code spec}'s options that take one), or -1 when there is none.
   */
  private static int firstWord(String[] args, int from, CommandSpec spec) {
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        return i;
      }
      OptionSpec option = spec == null || arg.contains("=") ? null : spec.findOption(arg);
      if (option != null && option.arity().min() > 0) {
        i++;
      }
    }
    return -1;
  }

  private static List<String> names(Command c) {
    List<String> names = new ArrayList<>(List.of(c.aliases()));
    names.add(c.name());
    return names;
  }

  /** A stand-in that help lists like the real command: its names, header and description. */
  private static CommandLine listed(Class<?> type) {
    return listed(type.getAnnotation(Command.class));
  }

  private static CommandLine listed(Command c) {
    CommandSpec stub = CommandSpec.create().name(c.name()).aliases(c.aliases());
    stub.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
    return new CommandLine(stub);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"airlock " + (v == null ? "dev" : v)};
    }
  }
}
