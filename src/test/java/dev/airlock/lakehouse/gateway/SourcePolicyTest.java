package dev.airlock.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.lakehouse.ErrorType;
import dev.airlock.lakehouse.LakehouseException;
import dev.airlock.source.S3Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sandboxed code names its sources; the host reads them: only allowed folders, no link escapes. */
class SourcePolicyTest {
  @TempDir Path temp;
  private Path raw;
  private Path workspace;
  private SourcePolicy policy;

  @BeforeEach
  void setUp() throws Exception {
    raw = Files.createDirectories(temp.resolve("raw"));
    workspace = Files.createDirectories(temp.resolve("ws"));
    Files.writeString(raw.resolve("a.csv"), "id\n1\n");
    Files.writeString(workspace.resolve("clean.csv"), "id\n1\n");
    policy = SourcePolicy.unrestricted().withAllowedRoot(raw).withSandboxPath("/work", workspace);
  }

  @Test
  void sandboxPathsBecomeHostPaths() {
    assertThat(policy.apply("/work/clean.csv")).isEqualTo(workspace.resolve("clean.csv").toString());
    assertThat(policy.apply("file:///work/clean.csv")).isEqualTo(workspace.resolve("clean.csv").toString());
    assertThat(policy.apply("clean.csv")).isEqualTo(workspace.resolve("clean.csv").toString());
    assertThat(policy.apply(raw + "/*.csv")).isEqualTo(raw + "/*.csv");
    assertThat(policy.apply("s3://bucket/payments/*.parquet")).isEqualTo("s3://bucket/payments/*.parquet");
  }

  @Test
  void filesOutsideTheAllowedFoldersAreForbidden() {
    assertThatThrownBy(() -> policy.apply("/etc/passwd"))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("outside the folders this run may read")
        .hasMessageContaining(raw.toString())
        .hasMessageContaining("/work");
    assertThatThrownBy(() -> policy.apply(raw + "/../../../etc/passwd"))
        .isInstanceOf(LakehouseException.class);
  }

  @Test
  void aLinkPlantedInTheWorkspaceCannotReachOutside() throws Exception {
    Files.createSymbolicLink(workspace.resolve("leak.csv"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> policy.apply("/work/leak.csv")).isInstanceOf(LakehouseException.class);
    assertThatThrownBy(() -> policy.apply("/work/*.csv")).isInstanceOf(LakehouseException.class);
  }

  @Test
  void remoteSourcesStayRestrictedWhateverIsAddedAfterThem() throws Exception {
    SourcePolicy run = SourcePolicy.unrestricted()
        .withRemoteSources(RemoteSources.only(List.of(S3Prefix.parse("s3://raw/dabstep/"))))
        .withSandboxPath("/work", workspace).withAllowedRoot(workspace);

    assertThat(run.apply("s3://raw/dabstep/*.csv")).isEqualTo("s3://raw/dabstep/*.csv");
    assertThatThrownBy(() -> run.apply("s3://attacker/exfil.csv"))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("Allowed remote sources: s3://raw/dabstep/")
        .satisfies(e -> assertThat(((LakehouseException) e).errorType()).isEqualTo(ErrorType.FORBIDDEN));
    assertThatThrownBy(() -> run.apply("https://attacker.example/x.csv")).isInstanceOf(LakehouseException.class);
  }

  @Test
  void withoutAllowedRootsNothingIsRestricted() {
    assertThat(SourcePolicy.unrestricted().apply("/etc/hosts")).isEqualTo("/etc/hosts");
  }
}
