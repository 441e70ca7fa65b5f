package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.agent.RunHistory;
import dev.airlock.agent.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no --model, a run is the packaged demo: a scripted session whose code really runs against
 * the real lakehouse, one failing turn, then a load, an audit and a merge into main.
 */
class DemoModelRunTest {
  @TempDir Path dir;

  @Test
  void withoutAModelTheDemoSessionRunsToAMergedMain() throws Exception {
    Path home = dir.resolve("home");
    try (DemoRaw raw = new DemoRaw(1_500)) {
      CliRunner.Result r =
          CliRunner.typing(
              "",
              "run",
              "--approve",
              "auto",
              "--merge",
              "auto-if-green",
              "--raw",
              raw.dir.toString(),
              "--home",
              home.toString(),
              "--runs-dir",
              dir.resolve("runs").toString(),
              "--json");

      assertThat(r.exit()).as(r.err()).isZero();
      RunHistory history = r.history();
      assertThat(history.status()).isEqualTo(RunStatus.DONE);
      assertThat(history.started().model()).isEqualTo("demo model (scripted)");
      assertThat(r.err()).contains("model demo model (scripted)");
      assertThat(history.turns().get(0).execution().status()).isEqualTo("ERROR");
      assertThat(history.turns().get(1).mergeDecisions())
          .singleElement()
          .matches(d -> d.approved());
      assertThat(CliRunner.tables(home, "main")).contains("payments:1500");
    }
  }
}
