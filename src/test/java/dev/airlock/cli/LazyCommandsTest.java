package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the command a user names is built, and help still shows every command as before. */
class LazyCommandsTest {

  @Test
  void helpListsEveryCommandWithItsDescriptionAsTheWholeTreeDoes() {
    CliRunner.Result help = CliRunner.run("--help");
    CliRunner.Result bare = CliRunner.run("help");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).isEqualTo(usage(Main.commandLine())).contains("lakehouse", "bench");
    assertThat(bare.out()).isEqualTo(help.out());
  }

  @Test
  void aNamedCommandIsBuiltAndTheOthersAreOnlyListed() {
    Map<String, CommandLine> subcommands =
        Main.commandLine("lakehouse", "--home", "/tmp/x", "branches").getSubcommands();

    assertThat(subcommands.get("lakehouse").getCommandSpec().userObject())
        .isInstanceOf(LakehouseCommand.class);
    Map<String, CommandLine> lakehouse = subcommands.get("lakehouse").getSubcommands();
    assertThat(lakehouse.get("branches").getCommandSpec().userObject()).isNotNull();
    assertThat(lakehouse.get("query").getCommandSpec().userObject()).isNull();
    assertThat(lakehouse.keySet())
        .isEqualTo(Main.commandLine().getSubcommands().get("lakehouse").getSubcommands().keySet());
    assertThat(subcommands.get("run").getCommandSpec().userObject()).isNull();
    assertThat(subcommands.get("console").getCommandSpec().userObject()).isNull();
    assertThat(subcommands.keySet()).isEqualTo(Main.commandLine().getSubcommands().keySet());
  }

  @Test
  void theVersionBuildsNoCommand() {
    CliRunner.Result version = CliRunner.run("--version");

    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("airlock ");
    Map<String, CommandLine> subcommands = Main.commandLine("--version").getSubcommands();
    subcommands.forEach(
        (name, c) -> {
          if (!name.equals("help")) {
            assertThat(c.getCommandSpec().userObject()).as(name).isNull();
          }
        });
  }

  @Test
  void theVersionWithoutTheParserIsWhatTheParserPrints() {
    ByteArrayOutputStream direct = new ByteArrayOutputStream();

    assertThat(Main.version(new String[] {"--version"}, new PrintStream(direct, true))).isTrue();
    assertThat(Main.version(new String[] {"--version", "lakehouse"}, System.out)).isFalse();
    assertThat(Main.version(new String[] {"run"}, System.out)).isFalse();
    assertThat(direct.toString()).isEqualTo(CliRunner.run("--version").out());
    assertThat(direct.toString()).isEqualTo(CliRunner.run("-V").out());
  }

  @Test
  void lakehouseHelpListsEverySubcommandAsTheWholeTreeDoes() {
    CliRunner.Result help = CliRunner.run("lakehouse", "--home", "/tmp/nowhere", "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .isEqualTo(usage(Main.commandLine().getSubcommands().get("lakehouse")))
        .contains("revert-merge", "create-table");
  }

  @Test
  void aMistypedCommandIsNamedWithTheNearestOne() {
    CliRunner.Result typo = CliRunner.run("lakehose", "branches");

    assertThat(typo.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err()).contains("lakehose", "lakehouse");
  }

  private static String usage(CommandLine cli) {
    StringWriter text = new StringWriter();
    cli.usage(new PrintWriter(text, true));
    return text.toString();
  }
}
