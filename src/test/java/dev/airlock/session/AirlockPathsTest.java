package dev.airlock.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirlockPathsTest {
  private static final Path HOME = Path.of(System.getProperty("user.home"));

  @Test
  void xdgFoldersAreHonouredAndEverythingLivesUnderThem() {
    AirlockPaths p =
        AirlockPaths.fromEnvironment(
            Map.of("XDG_DATA_HOME", "/srv/data", "XDG_CONFIG_HOME", "/srv/config"));
    assertThat(p.lakehouse()).isEqualTo(Path.of("/srv/data/airlock/lakehouse"));
    assertThat(p.runs()).isEqualTo(Path.of("/srv/data/airlock/runs"));
    assertThat(p.prompts()).isEqualTo(Path.of("/srv/config/airlock/prompts"));
  }

  @Test
  void unsetBlankOrRelativeValuesFallBackToTheHomeFolder() {
    for (Map<String, String> env :
        List.of(
            Map.<String, String>of(),
            Map.of("XDG_DATA_HOME", " ", "XDG_CONFIG_HOME", ""),
            Map.of("XDG_DATA_HOME", "relative/data", "XDG_CONFIG_HOME", "cfg"))) {
      AirlockPaths p = AirlockPaths.fromEnvironment(env);
      assertThat(p.dataHome()).as(env.toString()).isEqualTo(HOME.resolve(".local/share/airlock"));
      assertThat(p.configHome()).as(env.toString()).isEqualTo(HOME.resolve(".config/airlock"));
    }
  }
}
