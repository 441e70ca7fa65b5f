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

/**
 * What the host reads for sandboxed code: only the raw data (which the code cannot change), no link
 * escapes, never a workspace path (the client uploads those files itself).
 */
class SourcePolicyTest {
  @TempDir Path temp;
  private Path raw;
  private SourcePolicy policy;

  @BeforeEach
  void setUp() throws Exception {
    raw = Files.createDirectories(temp.resolve("raw"));
    Files.writeString(raw.resolve("a.csv"), "id\n1\n");
    policy = SourcePolicy.unrestricted().withAllowedRoot(raw).withSandboxPath("/raw", raw);
  }

  @Test
  void rawPathsBecomeHostPaths() {
    assertThat(policy.apply("/raw/a.csv")).isEqualTo(raw.resolve("a.csv").toString());
    assertThat(policy.apply("file:///raw/a.csv")).isEqualTo(raw.resolve("a.csv").toString());
    assertThat(policy.apply(raw + "/*.csv")).isEqualTo(raw + "/*.csv");
    assertThat(policy.apply("s3://bucket/payments/*.parquet"))
        .isEqualTo("s3://bucket/payments/*.parquet");
  }

  @Test
  void aControlCharacterIsABadRequestNotAnInternalError() {
    for (String uri :
        new String[] {"/raw/a.csv\u0000", "/raw/a.csv\n", "file:///raw/a\u0000.csv"}) {
      assertThatThrownBy(() -> policy.apply(uri))
          .isInstanceOf(LakehouseException.class)
          .hasMessageContaining("contains a control character")
          .satisfies(
              e ->
                  assertThat(((LakehouseException) e).errorType())
                      .isEqualTo(ErrorType.BAD_REQUEST));
    }
  }

  @Test
  void theHostNeverResolvesWorkspaceOrRelativePaths() {
    for (String uri : new String[] {"/work/clean.csv", "clean.csv", "file:///work/d/data.csv"}) {
      assertThatThrownBy(() -> policy.apply(uri))
          .isInstanceOf(LakehouseException.class)
          .hasMessageContaining("not a file the lakehouse reads on the host")
          .hasMessageContaining("sent by the bauplan client itself");
    }
  }

  @Test
  void filesOutsideTheRawDataAreForbiddenWithoutNamingHostFolders() {
    assertThatThrownBy(() -> policy.apply("/etc/passwd"))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("it reads only [/raw]")
        .hasMessageNotContaining(raw.toString());
    assertThatThrownBy(() -> policy.apply(raw + "/../../../etc/passwd"))
        .isInstanceOf(LakehouseException.class);
    assertThatThrownBy(() -> policy.apply("/raw/../etc/passwd"))
        .isInstanceOf(LakehouseException.class);
  }

  @Test
  void aLinkInTheRawFolderCannotReachOutside() throws Exception {
    Files.createSymbolicLink(raw.resolve("leak.csv"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> policy.apply("/raw/leak.csv")).isInstanceOf(LakehouseException.class);
    assertThatThrownBy(() -> policy.apply("/raw/*.csv")).isInstanceOf(LakehouseException.class);
  }

  @Test
  void withRemoteRawDataNoLocalFileIsRead() {
    SourcePolicy remote = SourcePolicy.noLocalFiles();
    assertThatThrownBy(() -> remote.apply("/raw/a.csv")).isInstanceOf(LakehouseException.class);
    assertThatThrownBy(() -> remote.apply(raw.resolve("a.csv").toString()))
        .isInstanceOf(LakehouseException.class);
    assertThat(remote.apply("s3://bucket/a.csv")).isEqualTo("s3://bucket/a.csv");
  }

  @Test
  void hostFoldersInMessagesAreWrittenAsTheSandboxNamesThem() {
    assertThat(policy.hideHostPaths("Footer length error in file '" + raw + "/x.parquet'"))
        .isEqualTo("Footer length error in file '/raw/x.parquet'");
  }

  @Test
  void remoteSourcesStayRestrictedWhateverIsAddedAfterThem() throws Exception {
    SourcePolicy run =
        SourcePolicy.unrestricted()
            .withRemoteSources(RemoteSources.only(List.of(S3Prefix.parse("s3://raw/dabstep/"))))
            .withSandboxPath("/raw", raw)
            .withAllowedRoot(raw);

    assertThat(run.apply("s3://raw/dabstep/*.csv")).isEqualTo("s3://raw/dabstep/*.csv");
    assertThatThrownBy(() -> run.apply("s3://attacker/exfil.csv"))
        .isInstanceOf(LakehouseException.class)
        .hasMessageContaining("Allowed remote sources: s3://raw/dabstep/")
        .satisfies(
            e -> assertThat(((LakehouseException) e).errorType()).isEqualTo(ErrorType.FORBIDDEN));
    assertThatThrownBy(() -> run.apply("https://attacker.example/x.csv"))
        .isInstanceOf(LakehouseException.class);
  }

  @Test
  void withoutAllowedRootsNothingIsRestricted() {
    assertThat(SourcePolicy.unrestricted().apply("/etc/hosts")).isEqualTo("/etc/hosts");
  }
}
