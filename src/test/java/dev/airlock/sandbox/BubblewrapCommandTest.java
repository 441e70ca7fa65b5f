package dev.airlock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BubblewrapCommandTest {

  @Test
  void buildsTheVerifiedProfileWithBindsAndEnvironment() {
    LocalSandboxConfig config =
        LocalSandboxConfig.builder()
            .readOnlyBind(Path.of("/srv/python"), "/opt/airlock/python")
            .readWriteBind(Path.of("/srv/sock"), "/run/airlock")
            .build();

    List<String> argv =
        BubblewrapCommand.build(config, Path.of("/runs/r1/work"), Map.of("HOME", "/work"));
    String joined = String.join(" ", argv);

    assertThat(argv.get(0)).isEqualTo("/usr/bin/bwrap");
    assertThat(joined)
        .contains("--unshare-all --unshare-user --disable-userns")
        .contains("--die-with-parent --new-session --as-pid-1")
        .contains("--cap-drop ALL --clearenv --setenv HOME /work")
        .contains("--ro-bind /usr /usr")
        .contains("--size 268435456 --tmpfs /tmp")
        .contains("--bind /runs/r1/work /work")
        .contains("--ro-bind /srv/python /opt/airlock/python")
        .contains("--bind /srv/sock /run/airlock")
        .contains("--remount-ro / --chdir /work -- /usr/bin/python3 -I -B -u -c");
    assertThat(joined).doesNotContain("--share-net");
  }

  @Test
  void onlyTheUidSwitchComesBeforeBubblewrapAndTheBootstrapGetsTheLimits() {
    LocalSandboxConfig config = LocalSandboxConfig.builder().processes(10).build();

    assertThat(ResourceLimits.prefix(65534))
        .containsExactly("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    assertThat(ResourceLimits.prefix(-1)).isEmpty();
    List<String> argv = BubblewrapCommand.build(config, Path.of("/runs/r1/work"), Map.of());
    assertThat(argv.subList(argv.size() - 4, argv.size()))
        .containsExactly(PythonBootstrap.SCRIPT, "2147483648", "1073741824", "256");
    assertThat(PythonBootstrap.header(300, 42)).isEqualTo("300 42\n");
    assertThat(ResourceLimits.processLimit(config, -1, ProcessHandle.current().pid()))
        .isGreaterThanOrEqualTo(10);
  }
}
