package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BindMountTest {

  @Test
  void refusesTargetsThatWouldCoverTheSystemOrTheWorkspace() {
    for (String target :
        new String[] {
          "/",
          "/usr",
          "/usr/lib/x",
          "/work",
          "/work/data",
          "/tmp",
          "/proc",
          "relative",
          "/opt/../usr"
        }) {
      assertThatThrownBy(() -> BindMount.readOnly(Path.of("/srv"), target))
          .as(target)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(target);
    }
  }

  @Test
  void rewritesSandboxPathsToHostPathsOnlyAtPathBoundaries() {
    BindMount python = BindMount.readOnly(Path.of("/srv/airlock/python"), "/opt/airlock/python");

    assertThat(python.toHostPaths("/opt/airlock/python")).isEqualTo("/srv/airlock/python");
    assertThat(python.toHostPaths("/usr/lib:/opt/airlock/python/pkg"))
        .isEqualTo("/usr/lib:/srv/airlock/python/pkg");
    assertThat(python.toHostPaths("/opt/airlock/python2")).isEqualTo("/opt/airlock/python2");
  }

  @Test
  void configRejectsEnvironmentNamesThatAreNotNames() {
    assertThatThrownBy(() -> LocalSandboxConfig.builder().environment("A=B", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A=B");
  }
}
