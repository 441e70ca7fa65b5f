package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help, as printed at the default 80 columns, wraps at words. */
class HelpTextTest {

  @Test
  void everyHelpTextWrapsAtWordsNeverInsideOne() {
    List<String> problems = new ArrayList<>();
    for (List<String> command : commands(Main.commandLine(), new ArrayList<>())) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliRunner.Result help = CliRunner.run(args.toArray(String[]::new));
      assertThat(help.exit()).as(command + ": " + help.err()).isZero();
      String shown = help.out();
      String name = String.join(" ", command);
      for (String word : words(spec(command))) {
        if (!shown.contains(word)) {
          problems.add("`" + name + " --help` breaks the word '" + word + "'");
        }
      }
      List<String> lines = shown.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        boolean continued = i + 1 < lines.size() && !lines.get(i + 1).isBlank();
        // A paragraph broken by hand instead of wrapped leaves one word alone at the margin.
        if (!line.isBlank()
            && !line.startsWith(" ")
            && !line.contains(" ")
            && !line.endsWith(":")
            && continued) {
          problems.add("`" + name + " --help` has a line of one stray word: '" + line + "'");
        }
        if (line.length() > 80) {
          problems.add("`" + name + " --help` has a line over 80 columns: '" + line + "'");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<List<String>> commands(CommandLine cli, List<String> path) {
    List<List<String>> all = new ArrayList<>();
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return;
              }
              List<String> here = new ArrayList<>(path);
              here.add(name);
              all.add(here);
              all.addAll(commands(sub, here));
            });
    return all;
  }

  private static CommandSpec spec(List<String> command) {
    CommandLine cli = Main.commandLine();
    for (String name : command) {
      cli = cli.getSubcommands().get(name);
    }
    return cli.getCommandSpec();
  }

  /** The words of the command's description, footer and every argument's description. */
  private static List<String> words(CommandSpec spec) {
    List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    spec.args().forEach(a -> texts.addAll(Arrays.asList(a.description())));
    return texts.stream()
        .flatMap(t -> Arrays.stream(t.split("\\s+")))
        .filter(w -> !w.isBlank() && !w.contains("${") && !w.contains("%"))
        .toList();
  }
}
