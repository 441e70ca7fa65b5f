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
  void limitsComeBeforeBubblewrapAndDropRootWhenAsked() {
    List<String> argv =
        ResourceLimits.prefix(LocalSandboxConfig.builder().processes(10).build(), 300, 65534);

    assertThat(argv.subList(0, 4))
        .containsExactly("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    assertThat(argv)
        .contains(
            "/usr/bin/prlimit",
            "--as=2147483648",
            "--fsize=1073741824",
            "--cpu=300:301",
            "--nofile=256",
            "--core=0");
    int nproc =
        Integer.parseInt(
            argv.stream()
                .filter(a -> a.startsWith("--nproc="))
                .findFirst()
                .orElseThrow()
                .substring("--nproc=".length()));
    assertThat(nproc).isGreaterThanOrEqualTo(10);
  }
}
