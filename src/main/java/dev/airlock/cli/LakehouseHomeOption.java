package dev.airlock.cli;

import dev.airlock.session.AirlockPaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --home DIR}: the embedded lakehouse's folder, shared by every command that opens it. */
final class LakehouseHomeOption {
  // Inherited: `lakehouse --home DIR tables` and `lakehouse tables --home DIR` both work.
  @Option(
      names = "--home",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = {
        "The embedded lakehouse's folder.",
        "Default: ~/.local/share/airlock/lakehouse."
      })
  Path home;

  /** The folder given, or the app's default (honouring XDG_DATA_HOME). */
  Path resolve() {
    return home != null ? home : AirlockPaths.standard().lakehouse();
  }
}
