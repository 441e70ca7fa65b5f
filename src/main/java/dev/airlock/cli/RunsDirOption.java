package dev.airlock.cli;

import dev.airlock.session.AirlockPaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --runs-dir DIR}: where transcripts are written and read. */
final class RunsDirOption {
  @Option(
      names = "--runs-dir",
      paramLabel = "DIR",
      description = {"Where transcripts are.", "Default: ~/.local/share/airlock/runs."})
  Path runsDir;

  /** The folder given, or the app's default (honouring XDG_DATA_HOME). */
  Path resolve() {
    return runsDir != null ? runsDir : AirlockPaths.standard().runs();
  }
}
