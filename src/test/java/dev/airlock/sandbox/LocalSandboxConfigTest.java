package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSandboxConfigTest {

  @Test
  void builderStartsFromTheDefaults() {
    LocalSandboxConfig config = LocalSandboxConfig.builder().build();

    assertThat(config).isEqualTo(LocalSandboxConfig.defaults());
    assertThat(config.python()).isEqualTo(Path.of("/usr/bin/python3"));
    assertThat(config.bubblewrap()).isEqualTo(Path.of("/usr/bin/bwrap"));
    assertThat(config.memoryBytes()).isEqualTo(2 * LocalSandboxConfig.GIB);
    assertThat(config.processes()).isEqualTo(64);
    assertThat(config.openFiles()).isEqualTo(256);
    assertThat(config.cpuTime()).isNull();
    assertThat(config.binds()).isEmpty();
    assertThat(config.environment()).isEmpty();
  }

  @Test
  void toBuilderKeepsEverythingAndChangesOnlyWhatIsSet() {
    LocalSandboxConfig original =
        LocalSandboxConfig.builder()
            .cpuTime(Duration.ofSeconds(5))
            .openFiles(32)
            .sandboxUid(1234)
            .readOnlyBind(Path.of("/srv/python"), "/opt/airlock/python")
            .environment("PYTHONPATH", "/opt/airlock/python")
            .build();

    LocalSandboxConfig changed =
        original.toBuilder()
            .readWriteBind(Path.of("/srv/sock"), "/run/airlock")
            .environment("PYTHONPATH", "/opt/other")
            .build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(changed.cpuTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(changed.openFiles()).isEqualTo(32);
    assertThat(changed.sandboxUid()).isEqualTo(1234);
    assertThat(changed.binds())
        .extracting(BindMount::target)
        .containsExactly("/opt/airlock/python", "/run/airlock");
    assertThat(changed.environment()).containsExactly(Map.entry("PYTHONPATH", "/opt/other"));
    assertThat(original.environment()).containsEntry("PYTHONPATH", "/opt/airlock/python");
  }

  @Test
  void aBuiltConfigDoesNotChangeWithItsBuilder() {
    LocalSandboxConfig.Builder builder = LocalSandboxConfig.builder().environment("A", "1");
    LocalSandboxConfig first = builder.build();

    builder.environment("B", "2").readOnlyBind(Path.of("/srv/x"), "/opt/x");

    assertThat(first.environment()).containsOnlyKeys("A");
    assertThat(first.binds()).isEmpty();
  }

  @Test
  void buildRefusesLimitsThatAreNotPositive() {
    assertThatThrownBy(() -> LocalSandboxConfig.builder().memoryBytes(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sandbox limits must be positive");
    assertThatThrownBy(() -> LocalSandboxConfig.builder().openFiles(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("process and open-file limits must be positive");
  }
}
